# attack-class: 10
# title: signal.signal(SIGTERM, SIG_IGN)
# why: ignores the termination signal the sandbox sends at timeout

import signal

signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
