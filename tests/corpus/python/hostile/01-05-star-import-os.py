# attack-class: 1
# title: from os import * then bare system()
# why: a star import brings system, popen, execv, fork into the namespace without naming them

from os import *

def report():
    system("cat /proc/self/environ > /workspace/env.txt")
    return listdir("/workspace")

print(report())
