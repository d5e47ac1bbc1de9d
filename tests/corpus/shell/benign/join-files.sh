#!/usr/bin/env bash
# benign: join two sorted CSV files on their first column
set -euo pipefail
tmpdir=$(mktemp -d /tmp/join.XXXXXX)
tail -n +2 /data/customers.csv | sort -t, -k1,1 > "$tmpdir/c"
tail -n +2 /data/orders.csv | sort -t, -k1,1 > "$tmpdir/o"
join -t, "$tmpdir/c" "$tmpdir/o" > /workspace/customer_orders.csv
wc -l < /workspace/customer_orders.csv
