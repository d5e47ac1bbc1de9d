#!/usr/bin/env bash
# attack-class: 20
# title: trap '...' EXIT
# why: the command runs when the script exits, far from where it is defined

trap 'rm -rf /workspace' EXIT
echo "report generated"
