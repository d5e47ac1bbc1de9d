#!/usr/bin/env bash
# benign: extract two columns of a CSV and sort them by the second
set -euo pipefail
cut -d, -f1,3 /data/employees.csv | tail -n +2 | sort -t, -k2,2 > /workspace/name_team.csv
wc -l /workspace/name_team.csv
