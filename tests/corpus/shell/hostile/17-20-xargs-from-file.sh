#!/usr/bin/env bash
# attack-class: 17
# title: xargs -a list -n1 rm
# why: the command runs on names read from a file

find /workspace -type f > /tmp/list
xargs -a /tmp/list -n1 rm -f
