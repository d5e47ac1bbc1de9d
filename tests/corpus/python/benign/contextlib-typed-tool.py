# benign: typed helpers with contextlib.suppress and __future__ annotations
from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Iterator


def read_numbers(paths: list[Path]) -> Iterator[float]:
    for p in paths:
        with contextlib.suppress(FileNotFoundError, ValueError):
            yield float(p.read_text(encoding="utf-8").strip())


files = sorted(Path("/data/counters").glob("*.txt"))
values = list(read_numbers(files))
print(json.dumps({"files": len(files), "sum": sum(values)}))
