#!/usr/bin/env bash
# attack-class: 24
# title: reboot / init 0
# why: restarts or halts the system

reboot -f || init 0
