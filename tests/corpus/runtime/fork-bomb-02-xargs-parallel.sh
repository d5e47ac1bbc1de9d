#!/usr/bin/env bash
# runtime-limit: fork-bomb
# attack-class: 25
# title: xargs -P 0 runs unlimited parallel sleeps
# why: xargs and sleep are allowed; -P 0 means no parallelism cap

seq 1 1000000 | xargs -P 0 -n 1 sleep
