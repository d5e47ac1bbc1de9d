# benign: validate CSV rows against a small schema and report errors
import csv
import json
import re
from dataclasses import asdict, dataclass
from typing import Callable, Optional

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


@dataclass
class RowError:
    line: int
    column: str
    message: str


def check_int(value: str) -> Optional[str]:
    return None if value.isdigit() else "not an integer"


def check_email(value: str) -> Optional[str]:
    return None if EMAIL.match(value) else "not an email address"


SCHEMA: dict[str, Callable[[str], Optional[str]]] = {"id": check_int, "email": check_email, "age": check_int}

errors: list[RowError] = []
with open("/data/users.csv", newline="") as fh:
    reader = csv.DictReader(fh)
    missing = [c for c in SCHEMA if c not in (reader.fieldnames or [])]
    if missing:
        raise SystemExit(f"missing columns: {', '.join(missing)}")
    for line_no, row in enumerate(reader, start=2):
        for column, check in SCHEMA.items():
            problem = check(row[column].strip())
            if problem:
                errors.append(RowError(line_no, column, problem))

print(json.dumps({"errors": [asdict(e) for e in errors], "count": len(errors)}, indent=2))
