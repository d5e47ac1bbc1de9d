# benign: plain-text descriptive statistics report for every numeric column
import pandas as pd

df = pd.read_csv("/data/measurements.csv")
numeric = df.select_dtypes(include="number")

lines = ["Descriptive statistics", "=" * 22, ""]
stats = numeric.describe().T
stats["missing"] = numeric.isna().sum()
for column, row in stats.iterrows():
    lines.append(
        "{:<20} n={:<6.0f} mean={:>10.3f} std={:>10.3f} min={:>10.3f} max={:>10.3f} missing={}".format(
            column, row["count"], row["mean"], row["std"], row["min"], row["max"], int(row["missing"])
        )
    )
corr = numeric.corr().round(2)
lines += ["", "Correlation matrix", corr.to_string()]

report = "\n".join(lines)
with open("/workspace/describe_report.txt", "w", encoding="utf-8") as fh:
    fh.write(report + "\n")
print(report)
