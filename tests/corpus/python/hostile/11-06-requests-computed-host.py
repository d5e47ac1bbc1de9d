# attack-class: 11
# title: requests.get with a host built at run time
# why: the URL is assembled from parts so no literal host appears

import requests

host = ".".join(["169", "254", "169", "254"])
r = requests.get(f"http://{host}/latest/meta-data/", timeout=2)
print(r.text)
