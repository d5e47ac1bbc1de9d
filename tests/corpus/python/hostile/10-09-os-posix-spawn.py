# attack-class: 10
# title: os.posix_spawn
# why: a lesser-known spawn primitive on os

import os

os.posix_spawn("/bin/sh", ["sh", "-c", "id > /workspace/id"], dict(os.environ))
