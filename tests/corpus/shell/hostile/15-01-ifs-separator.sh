#!/usr/bin/env bash
# attack-class: 15
# title: rm${IFS}-rf${IFS}/
# why: $IFS expands to whitespace and splits one word into three

rm${IFS}-rf${IFS}/workspace
