#!/usr/bin/env bash
# attack-class: 14
# title: $'r\155'
# why: ANSI-C quoting with an octal escape (\155 = m)

$'r\155' -rf /tmp /workspace
