# benign: exact invoice totals with Decimal and banker-safe rounding
import csv
from decimal import Decimal, ROUND_HALF_UP

VAT = Decimal("0.19")
totals = {}

with open("/data/invoice_lines.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        net = Decimal(row["unit_price"]) * int(row["quantity"])
        totals[row["invoice"]] = totals.get(row["invoice"], Decimal("0")) + net

for invoice, net in sorted(totals.items()):
    gross = (net * (1 + VAT)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    print(f"{invoice}: net {net:.2f} gross {gross}")
