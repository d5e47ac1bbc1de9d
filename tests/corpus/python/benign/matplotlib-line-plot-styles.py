# benign: line plot of a time series with a built-in style
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

plt.style.use("ggplot")
df = pd.read_csv("/data/prices.csv", parse_dates=["date"]).set_index("date").sort_index()
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
df["close"].plot(ax=ax1, label="close")
df["close"].rolling(20).mean().plot(ax=ax1, label="20-day mean")
ax1.legend()
ax2.bar(df.index, df["volume"], width=1.0)
ax2.set_yscale("log")
ax1.set_title("Price and volume")
fig.autofmt_xdate()
fig.savefig("/workspace/prices.png", dpi=110)
print("mean daily return:", np.round(df["close"].pct_change().mean(), 5))
