# benign: print a month calendar and count events per weekday
import calendar
import json
from collections import Counter
from datetime import date

year, month = 2025, 12
print(calendar.month(year, month))

with open("/data/events.json", encoding="utf-8") as fh:
    events = json.load(fh)

weekdays = Counter(calendar.day_name[date.fromisoformat(e["date"]).weekday()] for e in events)
for name in calendar.day_name:
    print(f"{name:10} {weekdays[name]}")
