#!/usr/bin/env bash
# attack-class: 17
# title: find | xargs rm
# why: xargs is allowed but runs its argument (rm) on every input line

find /data -name '*.csv' -print0 | xargs -0 rm -f
