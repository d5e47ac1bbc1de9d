# attack-class: 32
# title: numpy.ma.load on a data file
# why: numpy.ma.load is pickle.load
import numpy as np

with open("/data/masked.pkl", "rb") as fh:
    masked = np.ma.load(fh)
print(masked.mean())
