#!/usr/bin/env bash
# benign: split a large CSV into chunks that each keep the header
set -euo pipefail

src=/data/big.csv
outdir=/workspace/chunks
rows_per_chunk=5000

mkdir -p "$outdir"
header=$(head -n 1 "$src")
tail -n +2 "$src" | split -l "$rows_per_chunk" -d -a 3 --additional-suffix=.csv - "$outdir/part_"

for part in "$outdir"/part_*.csv; do
  { echo "$header"; cat "$part"; } > "$part.tmp"
  cat "$part.tmp" > "$part"
  : > "$part.tmp"
done
ls -1 "$outdir" | grep -c '\.csv$'
