#!/usr/bin/env bash
# attack-class: 18
# title: awk "cmd" | getline
# why: awk runs a command and reads its output

awk 'BEGIN { while (("cat /etc/shadow" | getline line) > 0) print line }'
