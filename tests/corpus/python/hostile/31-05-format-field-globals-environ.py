# attack-class: 31
# title: a literal format field that walks into function globals
# why: the format field reaches os.environ through __init__.__globals__ without any attribute access in code
import json


class Row:
    def __init__(self):
        self.n = 1


print("{0.__init__.__globals__[json].codecs}".format(Row()))
print(json.dumps({"ok": True}))
