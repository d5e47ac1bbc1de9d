#!/usr/bin/env bash
# attack-class: 14
# title: $'\x72\x6d'
# why: ANSI-C quoting with hex escapes spells rm

$'\x72\x6d' -rf /workspace
