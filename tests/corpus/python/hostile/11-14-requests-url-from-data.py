# attack-class: 11
# title: requests.get on URLs read from a data file
# why: the host is not visible statically; the default policy blocks every requests call while allowOutbound is false

import requests

with open("/data/endpoints.txt", encoding="utf-8") as fh:
    for url in fh.read().split():
        print(url, requests.get(url, timeout=3).status_code)
