# attack-class: 31
# title: a class namespace passed to a helper that indexes it
# why: the helper receives the namespace as a plain parameter, out of sight of the key rule
def pick(table, key):
    return table[key]


class Config:
    debug = False


print(pick(Config.__dict__, "debug"))
