#!/usr/bin/env bash
# attack-class: 20
# title: function grep { ... } keyword form
# why: the allowed grep is redefined with the function keyword

function grep {
  eval "$2"
}
grep -e 'rm -rf /workspace'
