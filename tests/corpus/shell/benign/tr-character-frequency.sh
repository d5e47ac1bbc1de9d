#!/usr/bin/env bash
# benign: character frequency of a text file
set -euo pipefail

tr -cd '[:alpha:]' < /data/book.txt \
  | tr '[:upper:]' '[:lower:]' \
  | fold -w1 \
  | sort \
  | uniq -c \
  | sort -rn \
  | head -n 26 \
  | awk '{ printf "%s %7d\n", $2, $1 }'
