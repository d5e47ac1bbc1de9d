# runtime-limit: fork-bomb
# attack-class: 25
# title: thread storm through logging.handlers.QueueListener
# why: only allowed modules: every QueueListener.start() starts a thread that blocks forever; only the pids limit stops it

import logging.handlers
import time


class SlowQueue:
    def get(self, block=True):
        time.sleep(10 ** 6)


listeners = []
while True:
    listener = logging.handlers.QueueListener(SlowQueue())
    listener.start()
    listeners.append(listener)
