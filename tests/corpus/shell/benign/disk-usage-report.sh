#!/usr/bin/env bash
# benign: disk usage of the input folders, largest first
set -euo pipefail
du -sh /data/* 2>/dev/null | sort -rh | head -n 10
du -s /workspace | cut -f1
