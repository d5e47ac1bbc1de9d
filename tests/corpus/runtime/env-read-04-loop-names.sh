#!/usr/bin/env bash
# runtime-limit: env-read
# attack-class: 27
# title: print the value of every variable whose name matches a pattern
# why: indirect expansion of each listed name

for name in ${!A*} ${!G*} ${!K*} ${!P*} ${!S*} ${!T*}; do
  printf '%s=%s\n' "$name" "${!name}"
done
