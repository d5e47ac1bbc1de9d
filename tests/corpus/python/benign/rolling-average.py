# benign: seven-day rolling average of a daily series with itertools and collections.deque
import csv
import itertools
from collections import deque

window = deque(maxlen=7)
with open("/data/daily.csv", newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    for day, group in itertools.groupby(reader, key=lambda r: r["day"]):
        window.append(sum(float(r["amount"]) for r in group))
        print(f"{day} {sum(window) / len(window):.2f}")
