#!/usr/bin/env bash
# benign: dispatch on a sub-command with case
set -euo pipefail
cmd="${1:-help}"
case "$cmd" in
  count)   wc -l /data/input.csv ;;
  head)    head -n 5 /data/input.csv ;;
  columns) head -n 1 /data/input.csv | tr ',' '\n' ;;
  help|*)  echo "commands: count head columns" ;;
esac
