#!/usr/bin/env bash
# benign: compress copies of log files into /workspace/archive with gzip -c
set -euo pipefail
mkdir -p /workspace/archive
for f in /data/logs/*.log; do
  [ -e "$f" ] || continue
  gzip -c "$f" > "/workspace/archive/$(basename "$f").gz"
done
ls -l /workspace/archive
