#!/usr/bin/env bash
# attack-class: 21
# title: diff /etc/shadow /dev/null
# why: diff prints every line of a forbidden file

diff /etc/shadow /dev/null > /workspace/out.txt
