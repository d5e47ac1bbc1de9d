# attack-class: 6
# title: getattr with a name taken from argv
# why: the attribute name comes from outside the script

import os
import sys

getattr(os, sys.argv[1])(sys.argv[2])
