#!/usr/bin/env bash
# benign: summarise a JSON array with jq
set -euo pipefail
jq 'length' /data/orders.json
jq -r 'group_by(.status) | map({status: .[0].status, n: length}) | .[] | "\(.status)\t\(.n)"' /data/orders.json
jq '[.[] | .total] | add / length' /data/orders.json > /workspace/avg_total.json
