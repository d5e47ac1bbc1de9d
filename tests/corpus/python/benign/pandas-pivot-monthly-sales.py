# benign: monthly sales pivot by region with totals
import sys

import pandas as pd

source = sys.argv[1] if len(sys.argv) > 1 else "/data/sales.csv"
df = pd.read_csv(source)
df["date"] = pd.to_datetime(df["date"], errors="coerce")
df = df.dropna(subset=["date"])
df["month"] = df["date"].dt.to_period("M").astype(str)

pivot = pd.pivot_table(
    df,
    index="month",
    columns="region",
    values="amount",
    aggfunc="sum",
    fill_value=0,
    margins=True,
    margins_name="Total",
)
pivot = pivot.round(2)
pivot.to_csv("/workspace/monthly_sales_pivot.csv")
print(pivot.tail(6))
