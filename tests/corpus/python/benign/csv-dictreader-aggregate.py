# benign: aggregate expenses per category with csv.DictReader and a dataclass
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class CategoryTotal:
    name: str
    count: int = 0
    total: Decimal = Decimal("0")
    items: list[str] = field(default_factory=list)

    def add(self, description: str, amount: Decimal) -> None:
        self.count += 1
        self.total += amount
        self.items.append(description)


def main(path: str) -> int:
    totals: dict[str, CategoryTotal] = defaultdict(lambda: CategoryTotal(""))
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cat = row["category"].strip() or "other"
            entry = totals[cat]
            entry.name = cat
            entry.add(row["description"], Decimal(row["amount"]))
    writer = csv.writer(sys.stdout)
    writer.writerow(["category", "count", "total"])
    for entry in sorted(totals.values(), key=lambda e: e.total, reverse=True):
        writer.writerow([entry.name, entry.count, f"{entry.total:.2f}"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/data/expenses.csv"))
