# benign: bar chart of category totals saved as PNG with the Agg backend
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

df = pd.read_csv("/data/category_totals.csv").sort_values("total", ascending=True)
plt.rcParams.update({"font.size": 9, "figure.dpi": 120})
fig, ax = plt.subplots(figsize=(7, 4))
ax.barh(df["category"], df["total"], color="#4c72b0")
ax.set_xlabel("Total")
ax.set_title("Totals by category")
for y, value in enumerate(df["total"]):
    ax.text(value, y, f" {value:,.0f}", va="center")
fig.tight_layout()
fig.savefig("/workspace/category_totals.png")
print("saved chart")
