#!/usr/bin/env bash
# attack-class: 16
# title: $(printf rm)
# why: command substitution outputs the command name

$(printf rm) -rf /workspace
