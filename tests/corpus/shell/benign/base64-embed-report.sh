#!/usr/bin/env bash
# benign: embed a small CSV as base64 in a JSON report
set -euo pipefail

file=/data/summary.csv
encoded=$(base64 -w 0 "$file")
size=$(stat -c %s "$file")
checksum=$(sha256sum "$file" | cut -d' ' -f1)

jq -n \
  --arg name "$(basename "$file")" \
  --arg data "$encoded" \
  --arg sha "$checksum" \
  --argjson size "$size" \
  '{name: $name, size: $size, sha256: $sha, content_base64: $data}' > /workspace/summary.json
echo "report written ($size bytes encoded)"
