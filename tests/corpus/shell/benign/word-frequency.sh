#!/usr/bin/env bash
# benign: classic word frequency pipeline with tr, sort, uniq and head
set -euo pipefail
tr -cs '[:alpha:]' '\n' < /data/book.txt \
  | tr '[:upper:]' '[:lower:]' \
  | sort \
  | uniq -c \
  | sort -rn \
  | head -n 20
