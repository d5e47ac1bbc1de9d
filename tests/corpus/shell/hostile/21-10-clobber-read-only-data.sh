#!/usr/bin/env bash
# attack-class: 21
# title: >| /data/input.csv
# why: /data is read-only in the policy; >| also overrides noclobber

set -o noclobber
echo '' >| /data/input.csv
