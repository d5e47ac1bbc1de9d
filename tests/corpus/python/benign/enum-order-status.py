# benign: order status transitions checked with an Enum
import csv
from enum import Enum


class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


ALLOWED = {
    Status.NEW: {Status.PAID, Status.CANCELLED},
    Status.PAID: {Status.SHIPPED, Status.CANCELLED},
    Status.SHIPPED: {Status.DELIVERED},
    Status.DELIVERED: set(),
    Status.CANCELLED: set(),
}

invalid = []
with open("/data/status_changes.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        old, new = Status(row["from"]), Status(row["to"])
        if new not in ALLOWED[old]:
            invalid.append((row["order_id"], old.name, new.name))

for order_id, old, new in invalid:
    print(f"order {order_id}: {old} -> {new} is not allowed")
print(f"{len(invalid)} invalid transitions")
