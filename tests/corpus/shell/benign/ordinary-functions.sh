#!/usr/bin/env bash
# benign: helper functions with ordinary names (usage, count_rows, summarize)
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") FILE..." >&2
  exit 1
}

count_rows() {
  local file="$1"
  tail -n +2 "$file" | wc -l
}

summarize() {
  local total=0 f rows
  for f in "$@"; do
    rows=$(count_rows "$f")
    total=$((total + rows))
    echo "$f: $rows"
  done
  echo "total: $total"
}

[ "$#" -ge 1 ] || usage
summarize "$@"
