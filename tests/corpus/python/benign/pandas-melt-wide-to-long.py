# benign: reshape a wide quarterly report into long format
import pandas as pd

wide = pd.read_csv("/data/quarterly_wide.csv")
long = wide.melt(id_vars=["store_id", "store_name"], var_name="quarter", value_name="revenue")
long["year"] = long["quarter"].str.extract(r"(\d{4})").astype(int)
long["q"] = long["quarter"].str.extract(r"Q([1-4])").astype(int)
long = long.drop(columns="quarter").sort_values(["store_id", "year", "q"])

growth = long.groupby("store_id")["revenue"].pct_change().fillna(0)
long["qoq_growth"] = growth.round(3)
long.to_csv("/workspace/quarterly_long.csv", index=False)
print(long.head(10).to_string(index=False))
