#!/usr/bin/env bash
# attack-class: 34
# title: local with a name from a function argument
# why: local "$1=…" is a name evaluated at run time
set_var() {
  local "$1=$2"
  echo "set $1"
}
set_var "$@"
