#!/usr/bin/env bash
# benign: time the stages of a job with date +%s
set -euo pipefail

start=$(date +%s)
sort -u /data/events.txt > /workspace/events.sorted
mid=$(date +%s)
grep -c ',purchase,' /workspace/events.sorted > /workspace/purchases.count || true
end=$(date +%s)

echo "sort:  $(( mid - start ))s"
echo "count: $(( end - mid ))s"
echo "total: $(( end - start ))s, purchases: $(cat /workspace/purchases.count)"
