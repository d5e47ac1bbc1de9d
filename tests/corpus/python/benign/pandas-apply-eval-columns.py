# benign: derive columns with DataFrame.eval, assign and apply
import pandas as pd

df = pd.read_csv("/data/products.csv")
df = df.eval("margin = price - cost")
df = df.eval("margin_pct = margin / price * 100")
df = df.assign(band=pd.cut(df["margin_pct"], bins=[-100, 0, 20, 40, 1000], labels=["loss", "low", "mid", "high"]))
df["label"] = df.apply(lambda r: f"{r['name']} ({r['band']})", axis=1)
summary = df.groupby("band", observed=True).agg(products=("name", "count"), avg_margin=("margin_pct", "mean"))
print(summary.round(1))
df.to_csv("/workspace/products_margin.csv", index=False)
