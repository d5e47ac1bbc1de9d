# attack-class: 10
# title: pty.spawn("/bin/bash")
# why: pty is forbidden; spawn gives an interactive shell

import pty

pty.spawn("/bin/bash")
