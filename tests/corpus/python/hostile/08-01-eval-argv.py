# attack-class: 8
# title: eval of a command-line argument
# why: evaluates arbitrary text supplied at run time

import sys

expr = sys.argv[1] if len(sys.argv) > 1 else "__import__('os').system('id')"
print(eval(expr))
