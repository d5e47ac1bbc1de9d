#!/usr/bin/env bash
# attack-class: 18
# title: sh -c '...'
# why: a shell as a command runs whatever string it is given

sh -c 'rm -rf /workspace; cat /etc/shadow'
