# benign: merge every JSON object file under /data/config into one file in /workspace
import json
from pathlib import Path

SOURCE = Path("/data/config")
TARGET = Path("/workspace/merged.json")


def deep_merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def main() -> None:
    merged: dict = {}
    for path in sorted(SOURCE.glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            merged = deep_merge(merged, json.load(fh))
    TARGET.write_text(json.dumps(merged, indent=2, sort_keys=True), encoding="utf-8")
    print(f"merged {len(merged)} top-level keys into {TARGET}")


main()
