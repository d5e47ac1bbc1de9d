#!/usr/bin/env bash
# attack-class: 19
# title: printf ... | . /dev/stdin
# why: the dot builtin reads code from a pipe

printf 'rm -rf /workspace\n' | . /dev/stdin
