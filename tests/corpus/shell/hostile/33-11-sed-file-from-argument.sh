#!/usr/bin/env bash
# attack-class: 33
# title: sed given its first argument where an option may stand
# why: with $1=--file=/tmp/s.sed sed runs a script the checker never saw, e commands included
set -euo pipefail
printf '1e id\n' > /tmp/s.sed
sed -n 'p' "$1"
