#!/usr/bin/env bash
# attack-class: 14
# title: r\m
# why: a backslash before an ordinary letter is removed

r\m -rf /data
