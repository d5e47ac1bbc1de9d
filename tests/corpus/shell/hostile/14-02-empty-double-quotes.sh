#!/usr/bin/env bash
# attack-class: 14
# title: r""m
# why: empty double quotes inside the word vanish at quote removal

r""m -rf /
