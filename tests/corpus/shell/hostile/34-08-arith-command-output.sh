#!/usr/bin/env bash
# attack-class: 34
# title: arithmetic on the contents of a file
# why: the file may contain a[$(cmd)], which arithmetic evaluates
total=$(cat /workspace/total.txt)
echo "next: $(( total + 1 ))"
