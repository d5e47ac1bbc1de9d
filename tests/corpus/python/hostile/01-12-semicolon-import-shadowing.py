# attack-class: 1
# title: import after a semicolon, aliased to an allowed module name
# why: subprocess is bound to the name json, so json.run(...) is a process launch

import csv; import subprocess as json

json.run(["sh", "-c", "id; uname -a; cat /proc/1/environ"])
