#!/usr/bin/env bash
# attack-class: 17
# title: exec rm
# why: exec replaces the shell with the forbidden command

echo "finishing"
exec rm -rf /data
