#!/usr/bin/env bash
# attack-class: 15
# title: ${PWD:0:1}bin${PWD:0:1}rm
# why: the slash comes from slicing $PWD, so no "/bin/rm" literal appears

${PWD:0:1}bin${PWD:0:1}rm -rf /workspace
