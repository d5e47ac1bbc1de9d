#!/usr/bin/env bash
# attack-class: 18
# title: awk -v cmd=... system(cmd)
# why: the command is passed in as an awk variable

awk -v cmd='rm -rf /data' 'BEGIN { system(cmd) }'
