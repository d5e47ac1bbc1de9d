#!/usr/bin/env bash
# attack-class: 33
# title: wc --files0-from with a list of secret files
# why: the file names come from a file the checker never sees
printf '/etc/shadow\0' > /tmp/list
wc --files0-from=/tmp/list
