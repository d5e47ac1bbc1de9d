# benign: inventory reorder report with dataclasses and sorting
import csv
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Item:
    sku: str
    name: str
    on_hand: int
    reorder_level: int
    lead_days: int

    @property
    def shortfall(self) -> int:
        return max(0, self.reorder_level - self.on_hand)


def read_items(path: str) -> Iterable[Item]:
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            yield Item(row["sku"], row["name"], int(row["on_hand"]), int(row["reorder_level"]), int(row["lead_days"]))


to_order = sorted((i for i in read_items("/data/inventory.csv") if i.shortfall), key=lambda i: (-i.lead_days, -i.shortfall))
print(f"{'SKU':<10}{'Item':<28}{'Short':>7}{'Lead':>6}")
for item in to_order:
    print(f"{item.sku:<10}{item.name[:27]:<28}{item.shortfall:>7}{item.lead_days:>6}")
