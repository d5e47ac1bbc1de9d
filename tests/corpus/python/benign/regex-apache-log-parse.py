# benign: parse an Apache access log with named groups and report top clients and paths
import re
from collections import Counter

LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \S+ \S+ \[(?P<time>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) (?P<size>\d+|-)'
)

ips: Counter[str] = Counter()
paths: Counter[str] = Counter()
statuses: Counter[str] = Counter()
bytes_sent = 0
unparsed = 0

with open("/data/access.log", encoding="utf-8", errors="replace") as fh:
    for line in fh:
        m = LINE.match(line)
        if not m:
            unparsed += 1
            continue
        ips[m.group("ip")] += 1
        paths[m.group("path").split("?")[0]] += 1
        statuses[m.group("status")] += 1
        if m.group("size") != "-":
            bytes_sent += int(m.group("size"))

print("Top clients:")
for ip, n in ips.most_common(5):
    print(f"  {ip:<15} {n}")
print("Top paths:")
for path, n in paths.most_common(5):
    print(f"  {n:>6}  {path}")
print("Status codes:", dict(sorted(statuses.items())))
print(f"bytes sent: {bytes_sent}, unparsed lines: {unparsed}")
