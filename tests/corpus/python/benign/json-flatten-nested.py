# benign: flatten nested JSON objects into dotted keys
import json
import sys
from typing import Any, Iterator


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flatten(inner, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from flatten(inner, f"{prefix}[{index}]")
    else:
        yield prefix, value


data = json.load(sys.stdin)
flat = dict(flatten(data))
for key in sorted(flat):
    print(f"{key} = {json.dumps(flat[key])}")
