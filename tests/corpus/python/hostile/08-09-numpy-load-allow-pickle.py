# attack-class: 8
# title: numpy.load(allow_pickle=True)
# why: numpy is allowed; allow_pickle=True runs pickle on an object array

import numpy as np

arr = np.load("/data/features.npy", allow_pickle=True)
print(arr.shape)
