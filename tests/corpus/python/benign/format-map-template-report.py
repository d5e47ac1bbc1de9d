# benign: fill a literal report template from computed values
import json
from datetime import date

TEMPLATE = """Sales report {day}
=====================
Orders:        {orders:>8}
Revenue:       {revenue:>8.2f}
Average order: {average:>8.2f}
Best product:  {best}
"""

with open("/data/sales_summary.json") as fh:
    summary = json.load(fh)

values = {
    "day": date.today().isoformat(),
    "orders": summary["orders"],
    "revenue": summary["revenue"],
    "average": summary["revenue"] / max(summary["orders"], 1),
    "best": summary.get("best_product", "n/a"),
}
print(TEMPLATE.format_map(values))
print("{:-^40}".format(" end "))
