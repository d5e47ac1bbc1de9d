#!/usr/bin/env bash
# attack-class: 33
# title: find with a start directory read from a file
# why: a start directory of -delete (or -exec …) turns it into an expression
set -euo pipefail
dir=$(head -n 1 /workspace/target.txt)
find "$dir" -name '*.tmp'
