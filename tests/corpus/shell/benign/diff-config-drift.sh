#!/usr/bin/env bash
# benign: show drift between the expected and the actual configuration
set -euo pipefail

expected=/data/config.expected
actual=/data/config.actual

if diff -q "$expected" "$actual" > /dev/null; then
  echo "no drift"
else
  echo "configuration drift:"
  diff -u --label expected --label actual "$expected" "$actual" || true
fi
