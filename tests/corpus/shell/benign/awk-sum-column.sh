#!/usr/bin/env bash
# benign: sum and average the second CSV column with awk
set -euo pipefail
awk -F, '{s+=$2} END {print s}' /data/amounts.csv
awk -F, 'NR > 1 { s += $2; n++ } END { if (n) printf "avg=%.2f over %d rows\n", s / n, n }' /data/amounts.csv
