# attack-class: 31
# title: vars(self) in a method called unbound with a type
# why: A.dump(type) makes self the type, and .values() hands out its descriptors
class Dumper:
    def dump(self):
        return [v for v in vars(self).values() if callable(v)]


for member in Dumper.dump(type):
    print(member)
