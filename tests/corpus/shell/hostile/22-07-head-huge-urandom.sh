#!/usr/bin/env bash
# attack-class: 22
# title: head -c 100G /dev/urandom
# why: a huge bounded-looking write that still fills everything

head -c 100G /dev/urandom > /tmp/random.bin
