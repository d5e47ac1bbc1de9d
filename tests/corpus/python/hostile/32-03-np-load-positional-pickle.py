# attack-class: 32
# title: numpy.load with allow_pickle given by position
# why: the third positional argument is allow_pickle: object arrays are unpickled
import numpy as np

data = np.load("/data/matrix.npy", None, True)
print(data.shape)
