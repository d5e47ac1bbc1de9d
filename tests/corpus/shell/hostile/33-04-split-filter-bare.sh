#!/usr/bin/env bash
# attack-class: 33
# title: split --filter=bash on a file of commands
# why: each chunk is fed to bash as a script
split -n 2 --filter=bash /workspace/lines.txt
