#!/usr/bin/env bash
# benign: random sample of data rows, keeping the header
set -euo pipefail

src=/data/population.csv
n=25

{
  head -n 1 "$src"
  tail -n +2 "$src" | shuf -n "$n"
} > /workspace/sample.csv

echo "sampled $n rows from $(( $(wc -l < "$src") - 1 ))"
