# attack-class: 26
# title: read what an earlier run left in /dev/shm
# why: cross-run leakage through shared memory files

import glob

for leftover in glob.glob("/dev/shm/*"):
    print(leftover, open(leftover, "rb").read()[:4096])
