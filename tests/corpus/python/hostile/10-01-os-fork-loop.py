# attack-class: 10
# title: os.fork in a loop
# why: fork is not on the os allow-list; an unbounded loop is a fork storm

import os

children = []
for _ in range(100000):
    pid = os.fork()
    if pid == 0:
        while True:
            pass
    children.append(pid)
