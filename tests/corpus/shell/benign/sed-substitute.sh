#!/usr/bin/env bash
# benign: normalise separators and trim trailing spaces with sed substitutions
set -euo pipefail
sed 's/a/b/g' /data/sample.txt > /workspace/sample_ab.txt
sed -e 's/;/,/g' -e 's/[[:space:]]*$//' /data/semicolon.csv > /workspace/comma.csv
wc -l /workspace/comma.csv
