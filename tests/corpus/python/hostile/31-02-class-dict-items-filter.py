# attack-class: 31
# title: a type namespace iterated and filtered by suffix
# why: iterating type.__dict__ finds __subclasses__ with a harmless-looking string test
finder = None
for key, value in type.__dict__.items():
    if key.endswith("classes__"):
        finder = value

for cls in finder(object):
    if cls.__name__ == "_wrap_close":
        print(cls)
