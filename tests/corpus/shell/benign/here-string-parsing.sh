#!/usr/bin/env bash
# benign: split records with read and here-strings
set -euo pipefail

line="2024-05-01,store-7,1299.50,EUR"
IFS=, read -r day store amount currency <<< "$line"
echo "day=$day store=$store amount=$amount currency=$currency"

csv_header="id,name,email,created"
IFS=, read -ra columns <<< "$csv_header"
for i in "${!columns[@]}"; do
  printf '%2d: %s\n' "$((i + 1))" "${columns[$i]}"
done

read -r first rest <<< "alpha beta gamma"
echo "first word: $first, rest: $rest"
