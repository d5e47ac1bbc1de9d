#!/usr/bin/env bash
# attack-class: 34
# title: [[ -v $name ]] with a name from the arguments
# why: -v evaluates the subscript of the name it is given
name=$1
if [[ -v $name ]]; then
  echo "$name is set"
fi
