#!/usr/bin/env bash
# benign: fixed-width report with printf from a TSV file
set -euo pipefail

printf '%-24s %8s %10s\n' "Product" "Units" "Revenue"
printf '%.0s-' {1..44}; echo
while IFS=$'\t' read -r product units revenue; do
  printf '%-24.24s %8d %10.2f\n' "$product" "$units" "$revenue"
done < <(tail -n +2 /data/product_totals.tsv | sort -t $'\t' -k3,3nr)
