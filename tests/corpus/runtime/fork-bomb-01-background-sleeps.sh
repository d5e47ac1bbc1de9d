#!/usr/bin/env bash
# runtime-limit: fork-bomb
# attack-class: 25
# title: 100000 background sleep processes
# why: sleep and & are allowed; maxProcesses (pids limit) must stop it

for i in $(seq 1 100000); do
  sleep 1000 &
done
wait
