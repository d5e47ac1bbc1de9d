# runtime-limit: rootfs-write
# attack-class: 25
# title: open a message queue as a file under /dev/mqueue
# why: the mqueue file system would hand out kernel memory per queue; it must refuse the write

import os

for i in range(64):
    with open(os.path.join("/dev/mqueue", "q%d" % i), "w") as f:
        f.write("x")
