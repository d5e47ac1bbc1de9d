# attack-class: 32
# title: numpy.load with options from a dict
# why: **options can carry allow_pickle=True
import json
import numpy as np

options = json.loads('{"allow_pickle": true}')
arr = np.load("/data/cache.npz", **options)
print(list(arr.keys()))
