#!/usr/bin/env bash
# benign: read input.txt line by line and print the length of each line
set -euo pipefail
n=0
while read -r line; do
  n=$((n + 1))
  printf '%4d %4d %s\n' "$n" "${#line}" "$line"
done < input.txt
echo "total lines: $n"
