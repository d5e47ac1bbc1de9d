# benign: clean a messy CSV: types, missing values, duplicates
import logging

import numpy as np
import pandas as pd

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("clean")

df = pd.read_csv("/data/raw_products.csv", dtype={"sku": str})
before = len(df)

df.columns = [c.strip().lower().replace(" ", "_") for c in df.columns]
df["price"] = pd.to_numeric(df["price"].astype(str).str.replace("$", "", regex=False), errors="coerce")
df["stock"] = pd.to_numeric(df["stock"], errors="coerce").fillna(0).astype(int)
df["category"] = df["category"].fillna("uncategorized").str.title()
df.loc[df["price"] < 0, "price"] = np.nan
df["price"] = df["price"].fillna(df.groupby("category")["price"].transform("median"))

df = df.drop_duplicates(subset=["sku"], keep="last")
logger.info("rows: %d -> %d", before, len(df))
logger.info("null counts:\n%s", df.isna().sum().to_string())

df.to_csv("/workspace/products_clean.csv", index=False)
