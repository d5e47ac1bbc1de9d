#!/usr/bin/env bash
# benign: process numbered input files in batches of three
set -euo pipefail

batches=${BATCHES:-4}
if ! [[ $batches =~ ^[0-9]+$ ]]; then
  echo "BATCHES must be a number" >&2
  exit 1
fi

for batch in $(seq 1 "$batches"); do
  first=$(( (batch - 1) * 3 + 1 ))
  last=$(( batch * 3 ))
  echo "batch $batch: files $first-$last"
  for i in $(seq -w "$first" "$last"); do
    f="/data/input_$i.csv"
    [[ -f $f ]] && wc -l < "$f"
  done
done
