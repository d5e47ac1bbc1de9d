# benign: convert UTC timestamps in a CSV to a local time zone with zoneinfo
import csv
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

tz = ZoneInfo(sys.argv[1] if len(sys.argv) > 1 else "Europe/Berlin")
writer = csv.writer(sys.stdout)
writer.writerow(["event", "utc", "local"])

with open("/data/events.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        utc = datetime.fromisoformat(row["timestamp"]).replace(tzinfo=timezone.utc)
        writer.writerow([row["event"], utc.isoformat(), utc.astimezone(tz).isoformat()])
