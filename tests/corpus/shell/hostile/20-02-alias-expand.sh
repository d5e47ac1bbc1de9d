#!/usr/bin/env bash
# attack-class: 20
# title: alias ls=... with expand_aliases
# why: an alias turns the allowed ls into rm

shopt -s expand_aliases
alias ls='rm -rf'
ls /workspace /tmp
