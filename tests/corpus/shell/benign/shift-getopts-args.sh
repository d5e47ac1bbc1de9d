#!/usr/bin/env bash
# benign: parse options with getopts and shift, then count matching lines
set -euo pipefail
pattern="ERROR"
file="/data/logs/app.log"
while getopts 'p:f:' opt; do
  case "$opt" in
    p) pattern="$OPTARG" ;;
    f) file="$OPTARG" ;;
    *) echo "usage: $0 [-p pattern] [-f file]" >&2; exit 1 ;;
  esac
done
shift $((OPTIND - 1))
grep -c -- "$pattern" "$file" || true
