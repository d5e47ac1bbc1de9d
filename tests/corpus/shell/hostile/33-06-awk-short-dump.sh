#!/usr/bin/env bash
# attack-class: 33
# title: awk -d with an attached path
# why: -d is the short spelling of --dump-variables
awk -d/workspace/../etc/profile.d/x.sh '{ n++ } END { print n }' /data/input.csv
