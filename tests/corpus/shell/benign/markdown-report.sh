#!/usr/bin/env bash
# benign: build a Markdown report of row counts with printf
set -euo pipefail
out=/workspace/report.md
{
  printf '# Data report (%s)\n\n' "$(date +%F)"
  printf '| file | rows |\n|---|---|\n'
  for f in /data/*.csv; do
    printf '| %s | %d |\n' "$(basename "$f")" "$(tail -n +2 "$f" | wc -l)"
  done
} > "$out"
cat "$out"
