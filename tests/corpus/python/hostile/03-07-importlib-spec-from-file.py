# attack-class: 3
# title: importlib.util loads and executes an arbitrary file
# why: spec_from_file_location + exec_module runs a payload written to /tmp first

import importlib.util

with open("/tmp/stage2.py", "w") as fh:
    fh.write("import os\nos.system('id > /tmp/owned')\n")

spec = importlib.util.spec_from_file_location("stage2", "/tmp/stage2.py")
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
