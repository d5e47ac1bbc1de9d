# attack-class: 31
# title: format_map with a template assembled from pieces
# why: the template is only known at run time, so its fields cannot be checked
import sys

field = sys.argv[1] if len(sys.argv) > 1 else "name"
template = "{" + field + "}"
row = {"name": "widget", "qty": 3}
print(template.format_map(row))
