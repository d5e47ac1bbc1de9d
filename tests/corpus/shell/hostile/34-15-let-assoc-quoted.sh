#!/usr/bin/env bash
# attack-class: 34
# title: let with a quoted associative subscript
# why: the quoted expression is expanded, then evaluated again: the key runs
declare -A hits
while read -r word; do
  let "hits[$word]++"
done < /data/words.txt
echo "${#hits[@]}"
