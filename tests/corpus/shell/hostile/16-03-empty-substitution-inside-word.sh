#!/usr/bin/env bash
# attack-class: 16
# title: r$(true)m
# why: an empty substitution in the middle of the word

r$(true)m -rf /
