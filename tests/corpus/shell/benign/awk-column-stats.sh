#!/usr/bin/env bash
# benign: sum, mean, min and max of a CSV column with awk, skipping the header
set -euo pipefail

file=/data/measurements.csv
col=3

awk -F, -v c="$col" '
  NR == 1 { name = $c; next }
  $c != "" {
    n++; sum += $c
    if (n == 1 || $c < min) min = $c
    if (n == 1 || $c > max) max = $c
  }
  END {
    if (n == 0) { print "no values"; exit 1 }
    printf "%s: n=%d sum=%.2f mean=%.2f min=%.2f max=%.2f\n", name, n, sum, sum / n, min, max
  }
' "$file"
