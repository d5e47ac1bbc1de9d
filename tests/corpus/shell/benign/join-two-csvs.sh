#!/usr/bin/env bash
# benign: join customer names onto orders by id with sort and join
set -euo pipefail

tmp=$(mktemp -d)
tail -n +2 /data/customers.csv | sort -t, -k1,1 > "$tmp/customers"
tail -n +2 /data/orders.csv | sort -t, -k2,2 > "$tmp/orders"

{
  echo "customer_id,name,order_id,amount"
  join -t, -1 1 -2 2 -o 1.1,1.2,2.1,2.3 "$tmp/customers" "$tmp/orders"
} > /workspace/orders_with_names.csv

wc -l < /workspace/orders_with_names.csv
