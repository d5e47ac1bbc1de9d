#!/usr/bin/env bash
# attack-class: 18
# title: sed -e '1e id'
# why: GNU sed e command executes a shell command

sed -e '1e cat /etc/shadow' /data/input.csv
