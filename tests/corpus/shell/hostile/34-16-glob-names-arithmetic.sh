#!/usr/bin/env bash
# attack-class: 34
# title: arithmetic over file names from a glob
# why: a file named a[$(id)] in the workspace is evaluated
total=0
for f in /workspace/*; do
  (( total += f ))
done
echo "$total"
