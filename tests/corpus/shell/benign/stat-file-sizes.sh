#!/usr/bin/env bash
# benign: file sizes and modification dates with stat, sorted by size
set -euo pipefail
find /data -maxdepth 1 -type f -print0 \
  | xargs -0 stat -c '%s %y %n' \
  | sort -n \
  | tail -n 10
