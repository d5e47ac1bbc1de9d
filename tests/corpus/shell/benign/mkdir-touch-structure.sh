#!/usr/bin/env bash
# benign: create an output folder layout with mkdir -p and touch
set -euo pipefail
base="${1:-/workspace/project}"
mkdir -p "$base"/{raw,clean,reports}
touch "$base/reports/.keep" "$base/clean/.keep"
ls -R "$base"
