#!/usr/bin/env bash
# benign: indexed and associative arrays to count file extensions under /data
set -euo pipefail
declare -A counts=()
files=()
while read -r f; do
  files+=("$f")
  ext="${f##*.}"
  counts[$ext]=$(( ${counts[$ext]:-0} + 1 ))
done < <(find /data -type f)

echo "files: ${#files[@]}"
for ext in "${!counts[@]}"; do
  printf '%-8s %d\n' "$ext" "${counts[$ext]}"
done | sort
