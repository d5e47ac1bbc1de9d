# benign: error rate per hour from an application log
import argparse
import re
from collections import defaultdict
from datetime import datetime

pattern = re.compile(r"^(\d{4}-\d{2}-\d{2}[ T]\d{2}):\d{2}:\d{2}\S* (DEBUG|INFO|WARNING|ERROR|CRITICAL)\b")


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Errors per hour")
    p.add_argument("logfile", nargs="?", default="/data/logs/app.log")
    p.add_argument("--threshold", type=float, default=0.05, help="flag hours above this error rate")
    return p.parse_args()


def main() -> None:
    args = parse_args()
    totals: dict[str, int] = defaultdict(int)
    errors: dict[str, int] = defaultdict(int)
    with open(args.logfile, encoding="utf-8") as fh:
        for line in fh:
            m = pattern.match(line)
            if not m:
                continue
            hour = datetime.strptime(m.group(1).replace("T", " "), "%Y-%m-%d %H").strftime("%Y-%m-%d %H:00")
            totals[hour] += 1
            if m.group(2) in ("ERROR", "CRITICAL"):
                errors[hour] += 1
    for hour in sorted(totals):
        rate = errors[hour] / totals[hour]
        flag = "  <-- high" if rate > args.threshold else ""
        print(f"{hour}  {errors[hour]:>5}/{totals[hour]:<6} {rate:6.1%}{flag}")


if __name__ == "__main__":
    main()
