#!/usr/bin/env bash
# attack-class: 34
# title: test -v with a name from the environment
# why: test -v evaluates the subscript of the name
key=${CHECK_VAR:-HOME}
if test -v "$key"; then
  echo yes
fi
