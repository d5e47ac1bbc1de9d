# benign: dataclass-based stock inventory with reorder suggestions
import csv
from dataclasses import dataclass, asdict
import json


@dataclass
class Item:
    sku: str
    on_hand: int
    reorder_level: int

    @property
    def needs_reorder(self) -> bool:
        return self.on_hand <= self.reorder_level


with open("/data/inventory.csv", newline="", encoding="utf-8") as fh:
    items = [Item(r["sku"], int(r["on_hand"]), int(r["reorder_level"])) for r in csv.DictReader(fh)]

print(json.dumps([asdict(i) for i in items if i.needs_reorder], indent=2))
