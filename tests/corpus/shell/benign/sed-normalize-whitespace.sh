#!/usr/bin/env bash
# benign: normalize whitespace and line endings of a text file with sed
set -euo pipefail

in=/data/notes.txt
out=/workspace/notes.clean.txt

sed -E \
  -e 's/\r$//' \
  -e 's/[[:space:]]+$//' \
  -e 's/^[[:space:]]+//' \
  -e 's/[[:space:]]{2,}/ /g' \
  "$in" | cat -s > "$out"

echo "lines before: $(wc -l < "$in"), after: $(wc -l < "$out")"
