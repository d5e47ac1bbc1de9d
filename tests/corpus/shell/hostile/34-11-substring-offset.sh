#!/usr/bin/env bash
# attack-class: 34
# title: a substring offset read from input
# why: ${s:off:len} evaluates off and len arithmetically
read -r off len < /data/range.txt
s="abcdefghij"
echo "${s:off:len}"
