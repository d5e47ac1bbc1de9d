#!/usr/bin/env bash
# attack-class: 14
# title: $"rm" locale-translated string
# why: the $"..." form is a double-quoted string after translation

$"rm" -rf /workspace
