# attack-class: 25
# title: thousands of sleeping threads
# why: threading is forbidden in the default policy; threads count against the pids limit

import threading
import time

threads = []
while True:
    t = threading.Thread(target=time.sleep, args=(10000,), daemon=True)
    t.start()
    threads.append(t)
