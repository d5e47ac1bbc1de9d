#!/usr/bin/env bash
# attack-class: 17
# title: env -i PATH=... sh -c
# why: env with options in front of an interpreter

env -i PATH=/usr/bin:/bin sh -c 'rm -rf /workspace'
