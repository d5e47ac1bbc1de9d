#!/usr/bin/env bash
# benign: merge two single-column files side by side with paste
set -euo pipefail
paste -d, /data/names.txt /data/scores.txt > /workspace/names_scores.csv
nl -ba /workspace/names_scores.csv | head
