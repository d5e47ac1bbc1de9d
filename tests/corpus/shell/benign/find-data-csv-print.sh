#!/usr/bin/env bash
# benign: print every CSV file below /data with its line count
set -euo pipefail
find /data -type f -name '*.csv' -print | while read -r f; do
  printf '%8d  %s\n' "$(wc -l < "$f")" "$f"
done
