#!/usr/bin/env bash
# runtime-limit: cpu-timeout
# attack-class: 25
# title: while :; do :; done
# why: shell busy loop with only builtins

while :; do :; done
