#!/usr/bin/env bash
# benign: write results to a file and the terminal at once with tee
set -euo pipefail
mkdir -p /workspace/logs
{
  echo "start $(date -u +%FT%TZ)"
  wc -l /data/*.csv
  echo "end $(date -u +%FT%TZ)"
} | tee /workspace/logs/run.log
