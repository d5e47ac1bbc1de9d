#!/usr/bin/env bash
# attack-class: 20
# title: trap '...' DEBUG
# why: the DEBUG trap runs before every command

trap 'cat /etc/shadow >> /workspace/out 2>/dev/null' DEBUG
echo one
echo two
