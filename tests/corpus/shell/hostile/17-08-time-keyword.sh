#!/usr/bin/env bash
# attack-class: 17
# title: time rm
# why: time is a shell keyword that runs the following pipeline

time rm -rf /data
