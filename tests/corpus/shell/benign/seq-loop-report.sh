#!/usr/bin/env bash
# benign: numbered loop with seq and printf
set -euo pipefail
for i in $(seq -w 1 12); do
  f="/data/monthly/2025-$i.csv"
  if [ -f "$f" ]; then
    printf 'month %s: %s rows\n' "$i" "$(tail -n +2 "$f" | wc -l)"
  else
    printf 'month %s: missing\n' "$i"
  fi
done
