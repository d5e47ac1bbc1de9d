#!/usr/bin/env bash
# attack-class: 34
# title: unset of a name read from a file
# why: unset parses the name and evaluates its subscript
while read -r name; do
  unset "$name"
done < /data/drop.txt
