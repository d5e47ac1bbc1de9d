#!/usr/bin/env bash
# benign: temporary work directory with a trap that reports how the run ended
set -euo pipefail

workdir=$(mktemp -d /tmp/job.XXXXXX)
status=failed

cleanup() {
  echo "run $status; scratch files are in $workdir" >&2
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

sort -u /data/ids.txt > "$workdir/ids.sorted"
cut -d, -f1 /data/orders.csv | tail -n +2 | sort -u > "$workdir/order_ids.sorted"
comm -12 "$workdir/ids.sorted" "$workdir/order_ids.sorted" > /workspace/ids_with_orders.txt
wc -l < /workspace/ids_with_orders.txt
status=ok
