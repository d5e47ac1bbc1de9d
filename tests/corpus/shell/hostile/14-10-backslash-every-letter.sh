#!/usr/bin/env bash
# attack-class: 14
# title: s\h\u\t\d\o\w\n
# why: every letter escaped

s\h\u\t\d\o\w\n -h now
