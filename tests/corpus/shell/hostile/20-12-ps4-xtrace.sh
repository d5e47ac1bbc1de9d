#!/usr/bin/env bash
# attack-class: 20
# title: PS4 with a command substitution and set -x
# why: PS4 is expanded before every traced command

PS4='$(rm -rf /tmp/*)+ '
set -x
echo tracing
