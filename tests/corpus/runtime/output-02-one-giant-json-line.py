# runtime-limit: output
# attack-class: 28
# title: a single 200 MB JSON line as the result
# why: the service must not read sandbox output without a size cap before parsing it

import json

print(json.dumps({"result": "x" * (200 * 1024 * 1024)}))
