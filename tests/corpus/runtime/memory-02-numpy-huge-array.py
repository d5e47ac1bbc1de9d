# runtime-limit: memory
# attack-class: 25
# title: allocate and touch a 80 GB numpy array
# why: numpy is allowed; np.ones touches every page

import numpy as np

big = np.ones((100_000, 100_000), dtype=np.float64)
print(big.sum())
