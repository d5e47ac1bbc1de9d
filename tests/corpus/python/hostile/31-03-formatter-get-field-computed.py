# attack-class: 31
# title: string.Formatter().get_field with a field read from input
# why: get_field returns the object the field names, here the function globals
import string
import sys

field = sys.stdin.readline().strip()  # e.g. "0.__globals__"
formatter = string.Formatter()
obj, _ = formatter.get_field(field, [lambda: None], {})
print(obj)
