# benign: count tickets per status using an Enum
import csv
from collections import Counter
from enum import Enum


class Status(Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


counts = Counter()
with open("/data/tickets.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        try:
            counts[Status(row["status"])] += 1
        except ValueError:
            counts[None] += 1

for status in Status:
    print(f"{status.name:12} {counts[status]}")
print(f"{'UNKNOWN':12} {counts[None]}")
