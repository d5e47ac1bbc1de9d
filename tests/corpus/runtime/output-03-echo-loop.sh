#!/usr/bin/env bash
# runtime-limit: output
# attack-class: 25
# title: echo in an endless loop
# why: unbounded stdout from an allowed command

while true; do
  echo "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
done
