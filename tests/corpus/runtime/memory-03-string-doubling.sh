#!/usr/bin/env bash
# runtime-limit: memory
# attack-class: 25
# title: double a shell string forever
# why: pure variable assignment; only the memory limit stops it

s=x
while :; do
  s="$s$s"
done
