#!/usr/bin/env bash
# runtime-limit: tmp-fill
# attack-class: 25
# title: create millions of empty files in /workspace
# why: exhausts inodes rather than bytes; touch and mkdir are allowed

mkdir -p /workspace/many
for i in $(seq 1 10000000); do
  touch "/workspace/many/f$i"
done
