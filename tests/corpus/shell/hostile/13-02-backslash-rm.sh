#!/usr/bin/env bash
# attack-class: 13
# title: \rm with a leading backslash
# why: the backslash only suppresses alias expansion; the command is still rm

for f in /workspace/*.csv; do
  \rm -f "$f"
done
\rm -rf ~
