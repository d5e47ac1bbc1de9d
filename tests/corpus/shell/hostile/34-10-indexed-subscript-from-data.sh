#!/usr/bin/env bash
# attack-class: 34
# title: an indexed array subscript taken from data
# why: indexed subscripts are arithmetic: ${names[$i]} evaluates i
names=(alice bob carol)
while read -r i; do
  echo "${names[$i]}"
done < /data/indexes.txt
