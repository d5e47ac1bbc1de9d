#!/usr/bin/env bash
# attack-class: 27
# title: printenv
# why: printenv is not an allowed command; it dumps the environment

printenv > /workspace/env.txt
