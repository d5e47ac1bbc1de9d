# attack-class: 10
# title: os.execv replaces the interpreter
# why: the process image becomes /bin/sh with an attacker command

import os

os.execv("/bin/sh", ["sh", "-c", "rm -rf /workspace; id"])
