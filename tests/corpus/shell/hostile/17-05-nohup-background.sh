#!/usr/bin/env bash
# attack-class: 17
# title: nohup ... &
# why: nohup runs the command and detaches it from the run

nohup rm -rf / >/dev/null 2>&1 &
