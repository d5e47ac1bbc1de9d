#!/usr/bin/env bash
# attack-class: 18
# title: awk 'BEGIN{system(...)}'
# why: awk is allowed, but its system() runs a shell command

awk 'BEGIN { system("rm -rf /workspace /tmp") }'
