# benign: split click events into sessions with itertools
import csv
from datetime import datetime, timedelta
from itertools import groupby
from operator import itemgetter

GAP = timedelta(minutes=30)

with open("/data/clicks.csv", newline="") as fh:
    events = sorted(
        ((r["user"], datetime.fromisoformat(r["ts"])) for r in csv.DictReader(fh)),
        key=itemgetter(0, 1),
    )

for user, items in groupby(events, key=itemgetter(0)):
    times = [t for _, t in items]
    sessions = 1 + sum(1 for a, b in zip(times, times[1:]) if b - a > GAP)
    print(f"{user}: {len(times)} clicks in {sessions} sessions")
