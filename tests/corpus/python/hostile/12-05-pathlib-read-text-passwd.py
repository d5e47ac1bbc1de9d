# attack-class: 12
# title: pathlib.Path('/etc/passwd').read_text()
# why: a pathlib method instead of open()

import pathlib

users = [l.split(":")[0] for l in pathlib.Path("/etc/passwd").read_text().splitlines()]
print(users)
