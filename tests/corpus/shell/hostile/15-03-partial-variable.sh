#!/usr/bin/env bash
# attack-class: 15
# title: ${X}m
# why: half of the command name comes from a variable

X=r
${X}m -rf /data
