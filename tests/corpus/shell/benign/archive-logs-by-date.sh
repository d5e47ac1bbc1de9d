#!/usr/bin/env bash
# benign: compress yesterday logs into a dated archive folder
set -euo pipefail

stamp=$(date -d yesterday +%Y%m%d)
dest="/workspace/archive/$stamp"
mkdir -p "$dest"

shopt -s nullglob
count=0
for log in /data/logs/*.log; do
  gzip -c "$log" > "$dest/$(basename "$log").gz"
  count=$((count + 1))
done
echo "archived $count logs to $dest"
du -sh "$dest"
