#!/usr/bin/env bash
# runtime-limit: output
# attack-class: 25
# title: seq to 10^15
# why: seq is allowed; its output is effectively unbounded

seq 1 1000000000000000
