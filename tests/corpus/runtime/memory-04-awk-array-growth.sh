#!/usr/bin/env bash
# runtime-limit: memory
# attack-class: 25
# title: awk array that grows without bound
# why: awk is allowed and runs no command; it only allocates

awk 'BEGIN { s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; ; i++) a[i] = s s s s s s s s }'
