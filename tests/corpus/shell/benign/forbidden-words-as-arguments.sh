#!/usr/bin/env bash
# benign: forbidden command names appear only as grep/awk search text and echo arguments
set -euo pipefail
hist="${1:-/data/history.txt}"
echo "risky commands seen in $hist:"
for word in rm sudo eval chmod wget nc; do
  printf '%-6s %s\n' "$word" "$(grep -cw -- "$word" "$hist" || true)"
done
awk '/curl .*\| *sh/ { n++ } END { print "curl-pipe-sh lines:", n + 0 }' "$hist"
grep -n -e 'rm -rf' "$hist" | head -n 5
