#!/usr/bin/env bash
# attack-class: 17
# title: command -p with the default PATH
# why: command -p looks the name up in the standard PATH

command -p rm -rf /tmp /workspace
