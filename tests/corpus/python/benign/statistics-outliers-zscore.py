# benign: flag outliers in a numeric column using z-scores
import csv
import statistics
import sys

column = sys.argv[1] if len(sys.argv) > 1 else "latency_ms"
with open("/data/requests.csv", newline="") as fh:
    rows = list(csv.DictReader(fh))

values = [float(r[column]) for r in rows if r.get(column)]
if len(values) < 3:
    sys.exit("not enough values")
mean = statistics.fmean(values)
stdev = statistics.stdev(values)
outliers = [(i, v, (v - mean) / stdev) for i, v in enumerate(values) if stdev and abs(v - mean) / stdev > 3]

print(f"mean={mean:.2f} stdev={stdev:.2f} n={len(values)}")
for index, value, z in outliers:
    print(f"row {index + 2}: {value:.1f} (z={z:+.2f})")
