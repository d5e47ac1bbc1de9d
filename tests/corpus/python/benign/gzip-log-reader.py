# benign: count HTTP status codes in gzip-compressed access logs under /data/logs
import glob
import gzip
import json
import re
from collections import Counter

STATUS = re.compile(r'" (\d{3}) ')
codes = Counter()

for path in sorted(glob.glob("/data/logs/access-*.log.gz")):
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = STATUS.search(line)
            if m:
                codes[m.group(1)] += 1

print(json.dumps(dict(sorted(codes.items())), indent=2))
