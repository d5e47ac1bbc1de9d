#!/usr/bin/env bash
# benign: summary of every file given on the command line
set -euo pipefail

if (( $# == 0 )); then
  set -- /data/*.txt
fi

for f in "$@"; do
  if [[ ! -r $f ]]; then
    echo "skip: $f" >&2
    continue
  fi
  words=$(wc -w < "$f")
  lines=$(wc -l < "$f")
  first=$(head -n 1 -- "$f" | cut -c1-40)
  printf '%-30s lines=%-6d words=%-7d first: %s\n' "$(basename "$f")" "$lines" "$words" "$first"
done
