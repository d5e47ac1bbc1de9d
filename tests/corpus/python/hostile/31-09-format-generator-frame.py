# attack-class: 31
# title: a format field walking a generator frame
# why: gi_frame.f_back.f_globals reaches the module globals through a template
def numbers():
    yield 1


gen = numbers()
next(gen)
print("{0.gi_frame.f_back}".format(gen))
