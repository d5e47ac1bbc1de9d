#!/usr/bin/env bash
# benign: date stamps from $(date +%F) inside strings and file names
set -euo pipefail
stamp="$(date +%F)"
mkdir -p "/workspace/reports/$stamp"
echo "Report for $(date +%F), generated at $(date -u +%H:%M:%SZ)" > "/workspace/reports/$stamp/header.txt"
yesterday=$(date -d "$stamp - 1 day" +%F)
echo "previous report: /workspace/reports/$yesterday"
