# attack-class: 32
# title: as_strided over memory outside the array
# why: as_strided has no bounds check: it reads and writes arbitrary process memory
import numpy as np
from numpy.lib.stride_tricks import as_strided

base = np.zeros(1, dtype=np.uint8)
view = as_strided(base, shape=(1 << 20,), strides=(1,))
view[4096] = 0x90
