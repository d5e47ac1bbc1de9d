#!/usr/bin/env bash
# attack-class: 33
# title: xargs -a reading an arbitrary file
# why: -a reads the argument list from a file instead of stdin
xargs -a /etc/passwd -n 1 echo
