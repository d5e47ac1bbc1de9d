# benign: sort rows by a column chosen on the command line with itemgetter
import csv
import sys
from operator import itemgetter

column = sys.argv[1] if len(sys.argv) > 1 else "score"
reverse = "--desc" in sys.argv

with open("/data/results.csv", newline="") as fh:
    rows = list(csv.DictReader(fh))
if rows and column not in rows[0]:
    sys.exit(f"unknown column {column!r}; choose one of {', '.join(rows[0])}")

key = itemgetter(column)
numeric = all(r[column].replace(".", "", 1).isdigit() for r in rows if r[column])
rows.sort(key=(lambda r: float(key(r) or 0)) if numeric else key, reverse=reverse)
writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else [])
writer.writeheader()
writer.writerows(rows)
