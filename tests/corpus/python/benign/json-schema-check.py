# benign: validate JSON records against a small hand-written schema and list the problems
import json
import sys
from typing import Any

SCHEMA = {"id": int, "name": str, "price": (int, float), "tags": list}


def problems(record: dict) -> list:
    out = []
    for key, expected in SCHEMA.items():
        if key not in record:
            out.append(f"missing {key}")
        elif not isinstance(record[key], expected):
            out.append(f"{key} has the wrong type")
    return out


data: Any = json.load(open("/data/catalog.json", encoding="utf-8"))
report = {str(r.get("id", i)): p for i, r in enumerate(data) if (p := problems(r))}
print(json.dumps(report, indent=2))
sys.exit(1 if report else 0)
