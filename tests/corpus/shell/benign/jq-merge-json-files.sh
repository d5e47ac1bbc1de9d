#!/usr/bin/env bash
# benign: merge several JSON config fragments into one document with jq
set -euo pipefail

shopt -s nullglob
fragments=(/data/config.d/*.json)
if (( ${#fragments[@]} == 0 )); then
  echo "no fragments found" >&2
  exit 1
fi

jq -s 'reduce .[] as $item ({}; . * $item)' "${fragments[@]}" > /workspace/config.merged.json
jq -r 'keys[]' /workspace/config.merged.json | sed 's/^/  - /'
