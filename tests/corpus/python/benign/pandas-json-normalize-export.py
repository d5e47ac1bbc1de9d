# benign: flatten a nested JSON export into a table
import json

import pandas as pd

with open("/data/export.json", encoding="utf-8") as fh:
    payload = json.load(fh)

records = payload.get("items", [])
df = pd.json_normalize(records, record_path="lines", meta=["id", ["customer", "name"], ["customer", "country"]], errors="ignore")
df = df.rename(columns={"customer.name": "customer_name", "customer.country": "country"})
df["line_total"] = df["qty"] * df["price"]

by_country = df.groupby("country", dropna=False)["line_total"].sum().sort_values(ascending=False)
print(by_country.head(10))
df.to_csv("/workspace/export_lines.csv", index=False)
