#!/usr/bin/env bash
# benign: string slicing, defaults and length checks in parameter expansions
set -euo pipefail

name=${REPORT_NAME:-monthly_sales_report_2024}
short=${name:0:12}
ext=csv
file="/workspace/${short}.${ext}"

echo "name length: ${#name}"
echo "short name: $short"
echo "upper: ${short^^}"
echo "without year: ${name%_[0-9]*}"
head -n 3 /data/sales.csv > "$file"
echo "wrote $file"
