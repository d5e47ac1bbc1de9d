# runtime-limit: cpu-timeout
# attack-class: 25
# title: endless hashing loop that looks like work
# why: hashlib is allowed; the loop never ends

import hashlib

h = b"seed"
n = 0
while True:
    h = hashlib.sha256(h).digest()
    n += 1
