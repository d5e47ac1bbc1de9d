#!/usr/bin/env bash
# benign: tally status values with an associative array
set -euo pipefail

declare -A tally=()
while IFS=, read -r _id status _rest; do
  [[ $status == status ]] && continue
  (( tally[$status]++ )) || true
done < /data/tickets.csv

for status in "${!tally[@]}"; do
  printf '%-12s %5d\n' "$status" "${tally[$status]}"
done | sort -k2,2nr
