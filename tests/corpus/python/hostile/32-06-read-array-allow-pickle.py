# attack-class: 32
# title: numpy.lib.format.read_array with pickles allowed
# why: read_array unpickles object arrays when allow_pickle is true
from numpy.lib import format as npformat

with open("/data/blob.npy", "rb") as fh:
    arr = npformat.read_array(fh, allow_pickle=True)
print(arr)
