#!/usr/bin/env bash
# benign: pick and reorder CSV columns with cut and paste
set -euo pipefail

src=/data/employees.csv
cut -d, -f1 "$src" > /tmp/col_id
cut -d, -f3 "$src" > /tmp/col_dept
cut -d, -f2 "$src" > /tmp/col_name

paste -d, /tmp/col_id /tmp/col_dept /tmp/col_name > /workspace/employees_reordered.csv
head -n 5 /workspace/employees_reordered.csv | column -t -s,
