#!/usr/bin/env bash
# benign: directory sizes in human-readable units
set -euo pipefail

du -b --max-depth=1 /data 2>/dev/null \
  | sort -n \
  | numfmt --to=iec --suffix=B --field=1 \
  | column -t
