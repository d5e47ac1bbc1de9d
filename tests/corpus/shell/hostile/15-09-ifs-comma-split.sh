#!/usr/bin/env bash
# attack-class: 15
# title: IFS=, with an unquoted variable
# why: word splitting on a custom IFS builds the argument list

IFS=,
cmd="rm,-rf,/workspace"
$cmd
