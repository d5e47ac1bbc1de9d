# benign: flatten a JSON list of records from stdin into CSV on stdout
import csv
import json
import sys


def flatten(obj, prefix=""):
    flat = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


records = [flatten(r) for r in json.load(sys.stdin)]
columns = sorted({k for r in records for k in r})
writer = csv.DictWriter(sys.stdout, fieldnames=columns)
writer.writeheader()
writer.writerows(records)
