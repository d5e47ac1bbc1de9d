#!/usr/bin/env bash
# benign: count ERROR and WARN lines in app.log
set -euo pipefail
log="${1:-app.log}"
errors=$(grep -c ERROR "$log" || true)
warnings=$(grep -c WARN "$log" || true)
echo "errors=$errors warnings=$warnings"
echo "app.log errors: $(grep -c ERROR app.log || true)"
