# benign: group a sales CSV by region with pandas and write a summary CSV to /workspace
import pandas as pd

df = pd.read_csv("/data/sales.csv", parse_dates=["date"])
df["month"] = df["date"].dt.to_period("M").astype(str)

summary = (
    df.groupby(["region", "month"])["amount"]
    .agg(["count", "sum", "mean"])
    .reset_index()
    .sort_values(["region", "month"])
)
summary.to_csv("/workspace/sales_by_region.csv", index=False)
print(summary.head(20).to_string(index=False))
