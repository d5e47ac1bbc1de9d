#!/usr/bin/env bash
# benign: line counts of every CSV in a table with a total
set -euo pipefail

total=0
printf '%-40s %10s\n' "file" "rows"
printf '%-40s %10s\n' "----" "----"
for f in /data/*.csv; do
  [[ -f $f ]] || continue
  rows=$(wc -l < "$f")
  rows=$(( rows > 0 ? rows - 1 : 0 ))
  total=$(( total + rows ))
  printf '%-40s %10d\n' "$(basename "$f")" "$rows"
done
printf '%-40s %10d\n' "total" "$total"
