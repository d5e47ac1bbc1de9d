#!/usr/bin/env bash
# attack-class: 24
# title: sysctl -w / modprobe
# why: kernel parameter and module changes

sysctl -w kernel.core_pattern='|/tmp/x'
modprobe -r nf_tables
