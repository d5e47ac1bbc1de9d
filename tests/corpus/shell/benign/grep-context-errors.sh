#!/usr/bin/env bash
# benign: errors with surrounding context and counts per log file
set -euo pipefail

for log in /data/logs/*.log; do
  [[ -e $log ]] || continue
  n=$(grep -c -E 'ERROR|FATAL' "$log" || true)
  if (( n > 0 )); then
    echo "== $(basename "$log"): $n errors"
    grep -n -E -B1 -A2 'ERROR|FATAL' "$log" | head -n 40
  fi
done
