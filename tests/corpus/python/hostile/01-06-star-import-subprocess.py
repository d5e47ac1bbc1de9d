# attack-class: 1
# title: from subprocess import * then check_output
# why: the dangerous names come from a star import, so no call site names the module

from subprocess import *

print(check_output(["bash", "-c", "ls /root; cat /etc/passwd"]).decode())
