#!/usr/bin/env bash
# attack-class: 27
# title: export -p / declare -x
# why: builtins that list exported variables

export -p
declare -x > /workspace/vars.txt
