#!/usr/bin/env bash
# benign: export selected JSON fields as CSV with jq
set -euo pipefail

jq -r '
  ["id", "title", "price", "tags"],
  (.products[] | [.id, .title, (.price | tostring), (.tags | join(";"))])
  | @csv
' /data/products.json > /workspace/products.csv

echo "rows: $(( $(wc -l < /workspace/products.csv) - 1 ))"
