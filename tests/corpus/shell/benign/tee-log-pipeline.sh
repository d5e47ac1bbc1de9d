#!/usr/bin/env bash
# benign: pipeline that logs each stage to a file with tee
set -euo pipefail
set -o pipefail

log=/workspace/pipeline.log
: > "$log"

grep -v '^#' /data/raw.txt \
  | tee -a "$log" \
  | sed -E 's/[[:space:]]+/ /g' \
  | sort -u \
  | tee /workspace/clean.txt \
  | wc -l
echo "logged $(wc -l < "$log") raw lines"
