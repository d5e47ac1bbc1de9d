#!/usr/bin/env bash
# attack-class: 16
# title: $(sed 's/x/r/' <<< xm)
# why: sed produces the command name

$(sed 's/x/r/' <<< xm) -rf /data
