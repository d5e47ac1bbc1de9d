#!/usr/bin/env bash
# benign: a report tool with getopts options and validated numbers
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") [-i input] [-o output] [-n lines]" >&2
  exit 2
}

input=/data/input.csv
output=/workspace/report.txt
lines=10

while getopts ':i:o:n:h' opt; do
  case "$opt" in
    i) input=$OPTARG ;;
    o) output=$OPTARG ;;
    n) lines=$OPTARG ;;
    h) usage ;;
    \?) echo "unknown option -$OPTARG" >&2; usage ;;
    :) echo "option -$OPTARG needs a value" >&2; usage ;;
  esac
done
shift $((OPTIND - 1))

if ! [[ $lines =~ ^[0-9]+$ ]]; then
  echo "-n must be a number" >&2
  exit 2
fi
[[ -r $input ]] || { echo "cannot read $input" >&2; exit 1; }

{
  echo "Report for $(basename "$input")"
  echo "Rows: $(( $(wc -l < "$input") - 1 ))"
  echo "First $lines rows:"
  head -n $(( lines + 1 )) -- "$input" | tail -n "$lines"
} > "$output"
echo "wrote $output"
