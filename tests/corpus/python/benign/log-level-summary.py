# benign: count log lines per level and per hour in /data/logs/app.log
import json
import re
from collections import Counter, defaultdict

LINE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<hour>\d{2}):\d{2}:\d{2}\S* (?P<level>[A-Z]+) ")

levels = Counter()
per_hour = defaultdict(Counter)

with open("/data/logs/app.log", encoding="utf-8", errors="replace") as fh:
    for line in fh:
        m = LINE.match(line)
        if not m:
            continue
        levels[m["level"]] += 1
        per_hour[m["hour"]][m["level"]] += 1

print(json.dumps({"levels": levels, "per_hour": {h: dict(c) for h, c in sorted(per_hour.items())}}, indent=2))
