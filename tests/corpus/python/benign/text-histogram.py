# benign: print an ASCII bar chart of value counts from one CSV column
import csv
import sys
from collections import Counter

column = sys.argv[1] if len(sys.argv) > 1 else "status"
with open("/data/tickets.csv", newline="", encoding="utf-8") as fh:
    counts = Counter(row[column] for row in csv.DictReader(fh))

width = max(counts.values(), default=1)
for label, n in counts.most_common():
    bar = "#" * max(1, round(40 * n / width))
    print(f"{label:>15} | {bar} {n}")
