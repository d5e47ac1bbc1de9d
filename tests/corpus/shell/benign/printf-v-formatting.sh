#!/usr/bin/env bash
# benign: build formatted strings with printf -v
set -euo pipefail

printf -v today '%(%Y-%m-%d)T' -1
printf -v header '%-10s|%8s' "date" "value"
echo "$header"
while IFS=, read -r day value; do
  printf -v row '%-10s|%8.1f' "$day" "$value"
  echo "$row"
done < <(tail -n +2 /data/daily.csv)
echo "generated $today"
