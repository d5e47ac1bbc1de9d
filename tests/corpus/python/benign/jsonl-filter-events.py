# benign: filter a JSON-lines event log by type and time window
import argparse
import json
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("--type", dest="event_type", default="purchase")
parser.add_argument("--since", default="2024-01-01")
parser.add_argument("--input", default="/data/events.jsonl")
parser.add_argument("--output", default="/workspace/filtered.jsonl")
args = parser.parse_args()

since = datetime.fromisoformat(args.since).replace(tzinfo=timezone.utc)
kept = skipped = 0
with open(args.input, encoding="utf-8") as src, open(args.output, "w", encoding="utf-8") as dst:
    for line in src:
        line = line.strip()
        if not line:
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            skipped += 1
            continue
        ts = datetime.fromisoformat(event["ts"].replace("Z", "+00:00"))
        if event.get("type") == args.event_type and ts >= since:
            dst.write(json.dumps(event, sort_keys=True) + "\n")
            kept += 1
print(f"kept {kept} events, skipped {skipped} malformed lines")
