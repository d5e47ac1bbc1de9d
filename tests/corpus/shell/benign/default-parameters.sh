#!/usr/bin/env bash
# benign: parameter defaults with ${var:-default} and ${var:=default}
set -euo pipefail
input="${1:-/data/input.csv}"
limit="${2:-20}"
: "${SEPARATOR:=,}"
echo "reading $input, first $limit rows, separator '$SEPARATOR'"
head -n "$limit" "$input" | cut -d "$SEPARATOR" -f 1,2
