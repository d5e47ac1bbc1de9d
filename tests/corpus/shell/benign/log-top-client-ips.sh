#!/usr/bin/env bash
# benign: top client IP addresses and status codes from an access log
set -euo pipefail

LOG=/data/logs/access.log
TOP=10

echo "Top $TOP clients:"
awk '{ print $1 }' "$LOG" | sort | uniq -c | sort -rn | head -n "$TOP"

echo
echo "Status codes:"
awk '{ print $9 }' "$LOG" | grep -E '^[0-9]{3}$' | sort | uniq -c | sort -k2,2n

echo
errors=$(grep -c '" 5[0-9][0-9] ' "$LOG" || true)
echo "5xx responses: ${errors}"
