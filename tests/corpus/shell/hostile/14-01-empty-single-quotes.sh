#!/usr/bin/env bash
# attack-class: 14
# title: r''m
# why: empty single quotes inside the word vanish at quote removal

r''m -rf /workspace /tmp/*
