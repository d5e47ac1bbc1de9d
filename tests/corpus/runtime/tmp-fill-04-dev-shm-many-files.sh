#!/usr/bin/env bash
# runtime-limit: tmp-fill
# attack-class: 25
# title: fill /dev/shm with 1 MiB files, each below the file-size limit
# why: /dev/shm is writable besides /workspace and /tmp; only its own size bound stops it

i=0
while :; do
  head -c 1048576 /dev/zero > "/dev/shm/part-$i" || exit 1
  i=$((i + 1))
done
