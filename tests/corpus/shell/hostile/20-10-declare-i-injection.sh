#!/usr/bin/env bash
# attack-class: 20
# title: declare -i with an injected value
# why: assigning to an integer variable evaluates the value arithmetically

declare -i total
payload='a[$(id > /workspace/pwn)]'
total=$payload
echo "$total"
