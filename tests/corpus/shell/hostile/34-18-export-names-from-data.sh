#!/usr/bin/env bash
# attack-class: 34
# title: export of names listed in a file
# why: export parses each name
while read -r name; do
  export "$name"
done < /data/exports.txt
