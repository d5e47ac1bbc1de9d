#!/usr/bin/env bash
# benign: search compressed logs with zcat and grep
set -euo pipefail
for f in /data/logs/*.gz; do
  [ -e "$f" ] || continue
  hits=$(zcat "$f" | grep -c ' 500 ' || true)
  echo "$(basename "$f" .gz): $hits server errors"
done
