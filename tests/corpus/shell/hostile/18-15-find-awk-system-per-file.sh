#!/usr/bin/env bash
# attack-class: 18
# title: awk system() with a command built from input
# why: each CSV field is run as a command

awk -F, '{ system($2) }' /data/jobs.csv
