# attack-class: 32
# title: numpy.load with allow_pickle from a command-line flag
# why: a value that is not literally False may be True at run time
import sys
import numpy as np

trusted = "--trusted" in sys.argv
arr = np.load("/data/objects.npy", allow_pickle=trusted)
print(arr[0])
