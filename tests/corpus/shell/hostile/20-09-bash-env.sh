#!/usr/bin/env bash
# attack-class: 20
# title: BASH_ENV for a child bash
# why: a non-interactive bash sources $BASH_ENV first

printf 'rm -rf /workspace\n' > /tmp/env.sh
BASH_ENV=/tmp/env.sh bash -c 'echo hi'
