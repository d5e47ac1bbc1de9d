#!/usr/bin/env bash
# attack-class: 34
# title: printf -v into a variable named by data
# why: printf -v parses its target, subscript included
IFS=, read -r target value < /data/pair.csv
printf -v "$target" '%s' "$value"
echo done
