#!/usr/bin/env bash
# benign: split paths with basename and dirname and compute with expr
set -euo pipefail
path="/data/exports/2025/sales_q4.csv"
dir=$(dirname "$path")
name=$(basename "$path" .csv)
len=$(expr length "$name")
echo "dir=$dir name=$name length=$len"
quarter=$(expr "$name" : '.*_q\([0-9]\)')
echo "quarter=$quarter"
