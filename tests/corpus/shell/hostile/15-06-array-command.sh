#!/usr/bin/env bash
# attack-class: 15
# title: array expansion "${a[@]}" as the command
# why: the whole command line is an array

a=(rm -rf /workspace /tmp)
"${a[@]}"
