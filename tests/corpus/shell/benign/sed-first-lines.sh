#!/usr/bin/env bash
# benign: print the first ten lines and a numbered header of a file with sed
set -euo pipefail
file="${1:-/data/input.csv}"
sed -n '1,10p' -- "$file"
sed -n '1p' -- "$file" | tr ',' '\n' | nl
