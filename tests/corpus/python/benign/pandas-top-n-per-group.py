# benign: top three products per category by units sold
from pathlib import Path

import pandas as pd

TOP_N = 3
sales = pd.read_csv(Path("/data") / "product_sales.csv")

ranked = (
    sales.groupby(["category", "product"], as_index=False)["units"].sum()
    .sort_values(["category", "units"], ascending=[True, False])
)
top = ranked.groupby("category").head(TOP_N).reset_index(drop=True)
top["rank"] = top.groupby("category").cumcount() + 1

for category, group in top.groupby("category"):
    items = ", ".join(f"{row.product} ({row.units})" for row in group.itertuples())
    print(f"{category}: {items}")

top.to_csv("/workspace/top_products.csv", index=False)
