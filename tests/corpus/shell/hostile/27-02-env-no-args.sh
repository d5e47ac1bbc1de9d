#!/usr/bin/env bash
# attack-class: 27
# title: env with no arguments
# why: env prints the environment

env | sort > /workspace/env.txt
