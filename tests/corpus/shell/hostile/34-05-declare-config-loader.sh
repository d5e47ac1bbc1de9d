#!/usr/bin/env bash
# attack-class: 34
# title: a key=value config loaded with declare
# why: declare "$k=$v" evaluates the subscript in k
while IFS='=' read -r k v; do
  [[ -z $k ]] && continue
  declare "$k=$v"
done < /data/app.conf
echo "loaded"
