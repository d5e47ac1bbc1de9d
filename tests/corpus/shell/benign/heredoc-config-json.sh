#!/usr/bin/env bash
# benign: write a JSON config from variables with a here-document
set -euo pipefail

name=${PROJECT_NAME:-demo}
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
rows=$(tail -n +2 /data/input.csv | wc -l)

mkdir -p /workspace/out
cat > /workspace/out/config.json <<EOF
{
  "project": "$name",
  "created": "$created",
  "input_rows": $rows,
  "output_dir": "/workspace/out"
}
EOF
jq . /workspace/out/config.json
