#!/usr/bin/env bash
# benign: print one line per day between two dates
set -euo pipefail

start=2024-03-01
end=2024-03-10

current=$start
while [[ $current < $end || $current == "$end" ]]; do
  day_name=$(date -d "$current" +%A)
  printf '%s  %s\n' "$current" "$day_name"
  current=$(date -d "$current + 1 day" +%F)
done
