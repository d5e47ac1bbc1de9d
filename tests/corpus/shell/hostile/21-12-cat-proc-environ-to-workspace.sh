#!/usr/bin/env bash
# attack-class: 21
# title: cat /proc/self/environ > /workspace/env
# why: reads a forbidden path and stores it where results are collected

cat /proc/self/environ | tr '\0' '\n' > /workspace/env.txt
