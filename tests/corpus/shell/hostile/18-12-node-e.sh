#!/usr/bin/env bash
# attack-class: 18
# title: node -e 'child_process'
# why: another interpreter one-liner

node -e 'require("child_process").execSync("id > /tmp/x")'
