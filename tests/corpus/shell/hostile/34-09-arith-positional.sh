#!/usr/bin/env bash
# attack-class: 34
# title: (( )) on a positional parameter
# why: the caller chooses $1, and arithmetic evaluates it
limit=$1
if (( limit > 100 )); then
  echo "too many"
fi
