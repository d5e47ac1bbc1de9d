# runtime-limit: tmp-fill
# attack-class: 25
# title: spread 4 MiB chunks over many files in /dev/shm
# why: shared memory is a tmpfs too; many small files dodge the per-file size limit

import os

base = os.path.join(os.sep, "dev", "shm")
n = 0
while True:
    with open(os.path.join(base, "chunk-%d.bin" % n), "wb") as f:
        f.write(b"\0" * (4 * 1024 * 1024))
    n += 1
