#!/usr/bin/env bash
# runtime-limit: cpu-timeout
# attack-class: 25
# title: sleep far beyond the time limit
# why: sleep is an allowed command; only the wall-clock timeout ends it

echo "waiting for data"
sleep 100000
