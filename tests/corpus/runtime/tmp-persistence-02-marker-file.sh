#!/usr/bin/env bash
# runtime-limit: tmp-persistence
# attack-class: 26
# title: marker file in /tmp carried into the next run
# why: allowed commands and paths; only a per-run /tmp prevents the leak

if [ -f /tmp/.last_run ]; then
  echo "found data from an earlier run:"
  cat /tmp/.last_run
fi
head -c 4096 /data/input.csv > /tmp/.last_run
