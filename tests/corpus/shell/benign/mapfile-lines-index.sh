#!/usr/bin/env bash
# benign: read a file into an array and print selected lines
set -euo pipefail

mapfile -t lines < /data/steps.txt
echo "${#lines[@]} steps"
for (( i = 0; i < ${#lines[@]}; i += 2 )); do
  printf '%3d. %s\n' "$((i + 1))" "${lines[$i]}"
done
last=$(( ${#lines[@]} - 1 ))
(( last >= 0 )) && echo "last: ${lines[$last]}"
