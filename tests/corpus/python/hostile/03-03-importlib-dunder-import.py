# attack-class: 3
# title: importlib.__import__
# why: the importlib variant of the builtin __import__

import importlib

m = importlib.__import__("socket")
m.socket().connect(("10.0.0.1", 22))
