#!/usr/bin/env bash
# attack-class: 22
# title: cat /dev/zero > file
# why: an endless stream written to the workspace

cat /dev/zero > /workspace/zero.bin
