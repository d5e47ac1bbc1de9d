#!/usr/bin/env bash
# benign: total and count per category with awk associative arrays
set -euo pipefail

awk -F, 'NR > 1 {
  total[$2] += $4
  count[$2]++
}
END {
  for (cat in total) printf "%-20s %6d %12.2f\n", cat, count[cat], total[cat]
}' /data/transactions.csv | sort -k3,3nr > /workspace/by_category.txt

cat /workspace/by_category.txt
