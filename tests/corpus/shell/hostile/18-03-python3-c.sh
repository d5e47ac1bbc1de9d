#!/usr/bin/env bash
# attack-class: 18
# title: python3 -c 'import os; ...'
# why: the Python check does not see code embedded in a shell script

python3 -c 'import os; os.system("id > /workspace/pwn")'
