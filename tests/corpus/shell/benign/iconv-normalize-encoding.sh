#!/usr/bin/env bash
# benign: convert a Latin-1 export to UTF-8 and check it
set -euo pipefail

src=/data/legacy_export.csv
out=/workspace/export_utf8.csv

file --mime-encoding "$src"
iconv -f ISO-8859-1 -t UTF-8 "$src" > "$out"
file --mime-encoding "$out"
head -n 3 "$out"
