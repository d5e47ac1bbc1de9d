# attack-class: 31
# title: a namespace bound to a name and read with .get()
# why: ns = vars(object); ns.get(name) selects a member the checker cannot name
import sys

ns = vars(object)
wanted = sys.argv[1] if len(sys.argv) > 1 else "__reduce_ex__"
method = ns.get(wanted)
print(method)
