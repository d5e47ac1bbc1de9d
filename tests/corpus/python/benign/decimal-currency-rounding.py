# benign: sum invoice lines with Decimal and banker-safe rounding
import csv
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
VAT = Decimal("0.19")

subtotal = Decimal("0")
with open("/data/invoice_lines.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        line = (Decimal(row["qty"]) * Decimal(row["unit_price"])).quantize(CENT, rounding=ROUND_HALF_UP)
        subtotal += line
        print(f"{row['item']:<30} {line:>10}")

vat = (subtotal * VAT).quantize(CENT, rounding=ROUND_HALF_UP)
print(f"{'subtotal':<30} {subtotal:>10}\n{'VAT 19%':<30} {vat:>10}\n{'total':<30} {subtotal + vat:>10}")
