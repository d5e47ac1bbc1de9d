#!/usr/bin/env bash
# attack-class: 34
# title: ${line@P} on lines of a file
# why: prompt expansion runs command substitutions in the value
while read -r line; do
  printf '%s\n' "${line@P}"
done < /data/templates.txt
