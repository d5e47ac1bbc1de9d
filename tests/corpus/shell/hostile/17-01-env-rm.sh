#!/usr/bin/env bash
# attack-class: 17
# title: env rm
# why: env runs its argument as a command

env rm -rf /workspace
