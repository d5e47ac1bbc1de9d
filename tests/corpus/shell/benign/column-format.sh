#!/usr/bin/env bash
# benign: pretty-print a CSV as aligned columns
set -euo pipefail
head -n 20 /data/input.csv | column -t -s,
