#!/usr/bin/env bash
# benign: last lines of each log with a heading, without following them
set -euo pipefail
for log in /data/logs/*.log; do
  [ -f "$log" ] || continue
  echo "== $(basename "$log") =="
  tail -n 5 "$log"
done
