#!/usr/bin/env bash
# attack-class: 33
# title: sort options kept in an array
# why: the array expands to options at run time
set -euo pipefail
opts=(-S 1K)
opts+=("--compress-program=$(printf sh)")
sort "${opts[@]}" /data/big.txt | tail -n 1
