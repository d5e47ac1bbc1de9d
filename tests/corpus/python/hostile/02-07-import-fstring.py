# attack-class: 2
# title: __import__ with an f-string name
# why: the module name is assembled by f-string interpolation

a, b = "o", "s"
osmod = __import__(f"{a}{b}")
osmod.execv("/bin/sh", ["sh", "-c", "id > /workspace/pwned"])
