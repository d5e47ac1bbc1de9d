#!/usr/bin/env bash
# benign: list the files under /data/logs that mention a pattern, via find | xargs grep -l
set -euo pipefail
pattern="${1:-timeout}"
find /data/logs -type f -name '*.log' -print0 | xargs -0 grep -l "$pattern" | sort
