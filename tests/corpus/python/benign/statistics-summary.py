# benign: mean, median, stdev and quartiles of the numbers in a text file, one per line
import json
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/data/values.txt"
with open(path, encoding="utf-8") as fh:
    values = [float(line) for line in fh if line.strip()]

if len(values) < 2:
    print(json.dumps({"error": "need at least two values"}))
    sys.exit(1)

q1, q2, q3 = statistics.quantiles(values, n=4)
print(json.dumps({
    "count": len(values),
    "mean": statistics.fmean(values),
    "median": statistics.median(values),
    "stdev": statistics.stdev(values),
    "q1": q1, "q3": q3,
}, indent=2))
