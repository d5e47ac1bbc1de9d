#!/usr/bin/env bash
# benign: use a mktemp directory in /tmp for intermediate sorting
set -euo pipefail
work=$(mktemp -d /tmp/sort.XXXXXX)
touch "$work/started"
sort -t, -k2,2n /data/input.csv > "$work/sorted.csv"
head -n 3 "$work/sorted.csv"
tail -n 3 "$work/sorted.csv"
