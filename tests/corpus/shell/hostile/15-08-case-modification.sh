#!/usr/bin/env bash
# attack-class: 15
# title: ${v,,} lower-casing
# why: RM lower-cased is rm

v=RM
${v,,} -rf /
