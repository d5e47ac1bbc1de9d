#!/usr/bin/env bash
# attack-class: 16
# title: $(rev <<< mr)
# why: rev is an allowed command; reversed text is rm

$(rev <<< mr) -rf /tmp /workspace
