# benign: pandas pivot reading input.csv and writing output/pivot.csv (relative paths, no ..)
from pathlib import Path

import pandas as pd

out_dir = Path("output")
out_dir.mkdir(parents=True, exist_ok=True)

df = pd.read_csv("input.csv")
pivot = df.pivot_table(index="product", columns="quarter", values="revenue", aggfunc="sum", fill_value=0)
pivot.to_csv(out_dir / "pivot.csv")
print(pivot.round(2).to_string())
