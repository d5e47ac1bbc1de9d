# attack-class: 27
# title: sys.modules['posix'].environ
# why: the raw environ mapping of the posix module, outside os

import sys

env = sys.modules["posix"].environ
for k, v in env.items():
    print(k.decode(), "=", v.decode())
