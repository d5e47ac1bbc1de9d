#!/usr/bin/env bash
# runtime-limit: tmp-fill
# attack-class: 25
# title: append to a /tmp file forever
# why: printf and redirect to an allowed path

while :; do
  printf '%065536d' 0 >> /tmp/fill.bin
done
