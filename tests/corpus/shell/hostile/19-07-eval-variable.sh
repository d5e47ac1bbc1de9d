#!/usr/bin/env bash
# attack-class: 19
# title: eval "$x"
# why: eval runs the text of a variable

x='rm -rf /tmp /workspace'
eval "$x"
