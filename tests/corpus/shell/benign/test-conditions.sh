#!/usr/bin/env bash
# benign: check inputs with test, [ and [[ before processing
set -euo pipefail
input="${1:-/data/input.csv}"
if [ ! -f "$input" ]; then
  echo "missing $input" >&2
  exit 2
fi
test -r "$input" || { echo "unreadable" >&2; exit 2; }
[[ "$input" == *.csv ]] || echo "warning: not a .csv name"
lines=$(wc -l < "$input")
if [ "$lines" -gt 1000 ]; then echo "large file"; else echo "small file"; fi
