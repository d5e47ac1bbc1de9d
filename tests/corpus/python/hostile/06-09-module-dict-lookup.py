# attack-class: 6
# title: os.__dict__['system']
# why: the module namespace dict gives every attribute

import os

os.__dict__["sys" "tem"]("id")
