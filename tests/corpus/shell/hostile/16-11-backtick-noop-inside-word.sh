#!/usr/bin/env bash
# attack-class: 16
# title: r`:`m
# why: the null command in backticks leaves nothing behind

r`:`m -rf /workspace
