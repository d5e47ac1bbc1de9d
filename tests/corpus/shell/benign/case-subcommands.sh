#!/usr/bin/env bash
# benign: small multi-command script dispatched with case
set -euo pipefail

usage() {
  cat <<'EOF'
usage: tool.sh <command> [file]
commands:
  count   number of data rows
  head    first five rows
  cols    column names
EOF
}

cmd=${1:-}
file=${2:-/data/input.csv}

case "$cmd" in
  count) echo $(( $(wc -l < "$file") - 1 )) ;;
  head) head -n 6 -- "$file" | tail -n 5 ;;
  cols) head -n 1 -- "$file" | tr ',' '\n' | nl -ba ;;
  ""|-h|--help) usage ;;
  *) echo "unknown command: $cmd" >&2; usage; exit 2 ;;
esac
