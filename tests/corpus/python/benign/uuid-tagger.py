# benign: add a stable UUID5 id column to each CSV row
import csv
import uuid

NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")

with open("/data/contacts.csv", newline="", encoding="utf-8") as src, \
        open("/workspace/contacts_with_id.csv", "w", newline="", encoding="utf-8") as dst:
    reader = csv.DictReader(src)
    writer = csv.DictWriter(dst, fieldnames=["id"] + list(reader.fieldnames or []))
    writer.writeheader()
    for row in reader:
        row["id"] = str(uuid.uuid5(NAMESPACE, row["email"].strip().lower()))
        writer.writerow(row)
