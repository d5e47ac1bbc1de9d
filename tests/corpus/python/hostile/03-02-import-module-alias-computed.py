# attack-class: 3
# title: import_module imported under an alias with a computed name
# why: from importlib import import_module as im; im("o"+"s")

from importlib import import_module as im

osmod = im("o" + "s")
osmod.kill(1, 9)
