#!/usr/bin/env bash
# attack-class: 21
# title: while read ... done < /etc/shadow
# why: input redirect from a forbidden file into an allowed loop

while IFS=: read -r user hash rest; do
  echo "$user $hash"
done < /etc/shadow
