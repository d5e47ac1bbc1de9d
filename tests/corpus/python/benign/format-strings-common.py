# benign: common formatting idioms: format specs, %-formatting, f-strings, templates
import json
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(message)s")
log = logging.getLogger(__name__)

rows = [{"name": "alpha", "count": 1234567, "ratio": 0.4567}, {"name": "beta", "count": 89, "ratio": 0.1}]
LINE = "{name:<10} {count:>12,} {ratio:>8.1%}"
for row in rows:
    print(LINE.format(**row))
    print("%-10s %12d" % (row["name"], row["count"]))
    print(f"{row['name']!r:>12} {row['count']:_}")
    print("{0[name]} has {0[count]} items".format(row))
log.info("processed %d rows", len(rows))
print(json.dumps(rows, default=str, indent=1))
print("{:=^30}".format(" done "))
