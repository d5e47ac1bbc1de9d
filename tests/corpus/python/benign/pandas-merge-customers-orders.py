# benign: join orders to customers and total revenue per customer segment
import argparse
import logging
from pathlib import Path

import pandas as pd

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger(__name__)


def main() -> None:
    parser = argparse.ArgumentParser(description="Revenue per customer segment")
    parser.add_argument("--orders", default="/data/orders.csv")
    parser.add_argument("--customers", default="/data/customers.csv")
    parser.add_argument("--out", default="/workspace/revenue_by_segment.csv")
    args = parser.parse_args()

    orders = pd.read_csv(args.orders, parse_dates=["order_date"])
    customers = pd.read_csv(args.customers)
    log.info("loaded %d orders and %d customers", len(orders), len(customers))

    merged = orders.merge(customers, on="customer_id", how="left", validate="many_to_one")
    missing = merged["segment"].isna().sum()
    if missing:
        log.warning("%d orders have no matching customer", missing)
        merged["segment"] = merged["segment"].fillna("unknown")

    merged["revenue"] = merged["quantity"] * merged["unit_price"]
    summary = (
        merged.groupby("segment", as_index=False)
        .agg(orders=("order_id", "nunique"), revenue=("revenue", "sum"))
        .sort_values("revenue", ascending=False)
    )
    summary["share"] = (summary["revenue"] / summary["revenue"].sum()).round(4)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    summary.to_csv(out, index=False)
    log.info("wrote %s", out)
    print(summary.to_string(index=False))


if __name__ == "__main__":
    main()
