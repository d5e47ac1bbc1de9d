# runtime-limit: network
# attack-class: 30
# title: numpy.genfromtxt on a URL read from a data file
# why: numpy's DataSource opens http(s) URLs itself; the source shows only a file read

import numpy as np

with open("/data/source.txt", encoding="utf-8") as fh:
    src = fh.read().strip()
table = np.genfromtxt(src, delimiter=",", skip_header=1)
print(table.mean(axis=0))
