# benign: write intermediate results to /tmp and the final result to /workspace
import json
from pathlib import Path

scratch = Path("/tmp/agg_scratch.jsonl")
with open("/data/events.jsonl", encoding="utf-8") as src, scratch.open("w", encoding="utf-8") as tmp:
    for line in src:
        event = json.loads(line)
        if event.get("type") == "purchase":
            tmp.write(json.dumps({"user": event["user"], "amount": event["amount"]}) + "\n")

totals: dict = {}
with scratch.open(encoding="utf-8") as fh:
    for line in fh:
        e = json.loads(line)
        totals[e["user"]] = totals.get(e["user"], 0) + e["amount"]

Path("/workspace/purchases.json").write_text(json.dumps(totals, indent=2), encoding="utf-8")
