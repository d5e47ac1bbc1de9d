#!/usr/bin/env bash
# attack-class: 17
# title: command rm
# why: the command builtin bypasses functions and runs rm

command rm -rf /tmp/* /workspace
