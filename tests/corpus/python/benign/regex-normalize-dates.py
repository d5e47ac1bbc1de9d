# benign: normalize dates written in several formats to ISO 8601
import csv
import re
from datetime import datetime

FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%m-%d-%Y", "%d %b %Y", "%B %d, %Y"]
CLEAN = re.compile(r"\s+")


def to_iso(text: str) -> str | None:
    text = CLEAN.sub(" ", text.strip())
    for fmt in FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


with open("/data/contracts.csv", newline="") as src, open("/workspace/contracts_iso.csv", "w", newline="") as dst:
    reader = csv.DictReader(src)
    writer = csv.DictWriter(dst, fieldnames=[*(reader.fieldnames or []), "signed_iso"])
    writer.writeheader()
    bad = 0
    for row in reader:
        iso = to_iso(row["signed"])
        bad += iso is None
        writer.writerow({**row, "signed_iso": iso or ""})
print(f"unparseable dates: {bad}")
