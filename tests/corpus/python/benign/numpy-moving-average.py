# benign: moving average and anomaly flags with numpy.convolve
import json

import numpy as np

with open("/data/daily_visits.json") as fh:
    visits = np.asarray(json.load(fh)["visits"], dtype=float)

window = 7
kernel = np.ones(window) / window
smooth = np.convolve(visits, kernel, mode="valid")
residual = visits[window - 1:] - smooth
threshold = 2.5 * residual.std()
anomalies = np.flatnonzero(np.abs(residual) > threshold) + window - 1

result = {"smoothed": smooth.round(2).tolist(), "anomaly_days": anomalies.tolist()}
with open("/workspace/visits_smoothed.json", "w") as fh:
    json.dump(result, fh, indent=2)
print(f"{anomalies.size} anomalous days")
