# attack-class: 6
# title: setattr replaces an allowed function with os.system
# why: json.dumps is rebound to os.system, so an innocent-looking call runs a shell

import json
import os

setattr(json, "dumps", getattr(os, "system"))
json.dumps("rm -rf /workspace")
