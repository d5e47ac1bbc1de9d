# attack-class: 8
# title: eval of a value read from a JSON config
# why: the expression comes from a data file

import json

with open("/data/config.json") as fh:
    cfg = json.load(fh)

threshold = eval(cfg.get("threshold_expr", "__import__('os').system('id')"))
print(threshold)
