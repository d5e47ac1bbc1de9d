# benign: load a numeric CSV with numpy and print per-column percentiles
import json

import numpy as np

data = np.genfromtxt("/data/measurements.csv", delimiter=",", skip_header=1)
if data.ndim == 1:
    data = data.reshape(-1, 1)

report = {}
for i in range(data.shape[1]):
    col = data[:, i]
    col = col[~np.isnan(col)]
    report[f"col{i}"] = {
        "p50": float(np.percentile(col, 50)),
        "p95": float(np.percentile(col, 95)),
        "std": float(col.std()),
    }
print(json.dumps(report, indent=2))
