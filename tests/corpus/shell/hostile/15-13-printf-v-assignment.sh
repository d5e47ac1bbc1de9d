#!/usr/bin/env bash
# attack-class: 15
# title: printf -v c rm; $c
# why: the variable is assigned by printf -v, not by an assignment word

printf -v c '%s%s' r m
$c -rf /tmp /workspace
