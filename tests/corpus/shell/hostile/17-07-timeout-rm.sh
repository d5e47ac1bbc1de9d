#!/usr/bin/env bash
# attack-class: 17
# title: timeout 5 rm
# why: timeout runs its argument

timeout 5 rm -rf /workspace /tmp
