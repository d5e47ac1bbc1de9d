# benign: stream a gzipped CSV and count rows per country
import csv
import gzip
import io
from collections import Counter

counts: Counter[str] = Counter()
with gzip.open("/data/visits.csv.gz", "rt", encoding="utf-8", newline="") as fh:
    for row in csv.DictReader(fh):
        counts[row.get("country") or "??"] += 1

buf = io.StringIO()
writer = csv.writer(buf)
writer.writerow(["country", "visits"])
writer.writerows(counts.most_common())
print(buf.getvalue(), end="")
