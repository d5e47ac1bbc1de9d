# benign: plot daily totals from a CSV to a PNG in /workspace with the Agg backend
import csv
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

totals = defaultdict(float)
with open("/data/daily.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        totals[row["day"]] += float(row["amount"])

days = sorted(totals)
fig, ax = plt.subplots(figsize=(10, 4))
ax.plot(days, [totals[d] for d in days], marker="o")
ax.set_title("Daily totals")
ax.tick_params(axis="x", rotation=45)
fig.tight_layout()
fig.savefig("/workspace/daily_totals.png", dpi=120)
print("wrote /workspace/daily_totals.png")
