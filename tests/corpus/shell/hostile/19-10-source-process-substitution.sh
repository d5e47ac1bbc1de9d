#!/usr/bin/env bash
# attack-class: 19
# title: source <(printf ...)
# why: sourcing a process substitution

source <(printf '%s\n' 'rm -rf /data')
