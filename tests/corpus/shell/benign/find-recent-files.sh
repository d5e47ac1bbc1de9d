#!/usr/bin/env bash
# benign: report files changed in the last week, newest first
set -euo pipefail

find /data -type f -mtime -7 -printf '%TY-%Tm-%Td %TH:%TM  %8s  %p\n' \
  | sort -r \
  | head -n 50 > /workspace/recent_files.txt

echo "$(wc -l < /workspace/recent_files.txt) recent files"
head -n 5 /workspace/recent_files.txt
