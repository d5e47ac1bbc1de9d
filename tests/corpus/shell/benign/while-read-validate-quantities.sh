#!/usr/bin/env bash
# benign: sum quantities, skipping rows whose quantity is not a number
set -euo pipefail

total=0
skipped=0
line_no=0
while IFS=, read -r sku qty; do
  line_no=$((line_no + 1))
  (( line_no == 1 )) && continue
  if [[ $qty =~ ^[0-9]+$ ]]; then
    total=$(( total + qty ))
  else
    echo "line $line_no: bad quantity '$qty' for $sku" >&2
    skipped=$((skipped + 1))
  fi
done < /data/stock.csv

echo "total units: $total (skipped $skipped rows)"
