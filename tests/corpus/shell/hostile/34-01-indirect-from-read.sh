#!/usr/bin/env bash
# attack-class: 34
# title: ${!name} with the name read from input
# why: indirection parses the value as a name: name='a[$(id)]' runs id
while IFS== read -r key _; do
  echo "$key=${!key}"
done < /data/settings.env
