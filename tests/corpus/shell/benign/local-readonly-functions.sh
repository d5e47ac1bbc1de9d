#!/usr/bin/env bash
# benign: functions with local and readonly variables
set -euo pipefail

readonly DATA_DIR=/data
readonly OUT_DIR=/workspace/out

count_matches() {
  local pattern=$1 file=$2
  local n
  n=$(grep -c -- "$pattern" "$file" || true)
  echo "$n"
}

report() {
  local -r file="$DATA_DIR/app.log"
  local level
  mkdir -p "$OUT_DIR"
  for level in INFO WARN ERROR; do
    printf '%-6s %s\n' "$level" "$(count_matches "$level" "$file")"
  done > "$OUT_DIR/levels.txt"
}

report
cat "$OUT_DIR/levels.txt"
