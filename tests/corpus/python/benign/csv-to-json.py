# benign: convert a CSV file to a JSON array of objects with typed numbers
import csv
import json


def coerce(value: str):
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


with open("/data/products.csv", newline="", encoding="utf-8") as fh:
    rows = [{k: coerce(v) for k, v in row.items()} for row in csv.DictReader(fh)]

with open("/workspace/products.json", "w", encoding="utf-8") as out:
    json.dump(rows, out, indent=2)

print(f"converted {len(rows)} rows")
