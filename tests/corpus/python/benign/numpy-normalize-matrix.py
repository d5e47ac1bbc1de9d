# benign: z-score normalize the columns of a numeric matrix
import numpy as np

data = np.loadtxt("/data/features.csv", delimiter=",", skiprows=1)
means = data.mean(axis=0)
stds = data.std(axis=0, ddof=1)
stds[stds == 0] = 1.0

normalized = (data - means) / stds
np.savetxt("/workspace/features_z.csv", normalized, delimiter=",", fmt="%.6f")
print("columns:", data.shape[1], "rows:", data.shape[0])
print("max |z|:", np.abs(normalized).max().round(3))
