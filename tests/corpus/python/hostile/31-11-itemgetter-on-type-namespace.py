# attack-class: 31
# title: operator.itemgetter applied to the namespace of a type
# why: the namespace of type(print) holds __self__ and __call__ descriptors
import operator
import sys

key = sys.argv[1] if len(sys.argv) > 1 else "__call__"
getter = operator.itemgetter(key)
print(getter(vars(type(print))))
