# benign: filter rows with DataFrame.query and @variables
import argparse

import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("--min-amount", type=float, default=100.0)
parser.add_argument("--status", default="paid")
args = parser.parse_args()

min_amount = args.min_amount
status = args.status

invoices = pd.read_csv("/data/invoices.csv")
selected = invoices.query("amount >= @min_amount and status == @status")
selected = selected.assign(tax=lambda d: (d["amount"] * 0.2).round(2))
print(f"{len(selected)} of {len(invoices)} invoices match")
selected.to_csv("/workspace/selected_invoices.csv", index=False)
