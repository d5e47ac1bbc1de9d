#!/usr/bin/env bash
# attack-class: 34
# title: assigning data to a declare -i variable
# why: every assignment to an integer variable is evaluated
declare -i count
count=$(head -n 1 /data/count.txt)
echo "$count"
