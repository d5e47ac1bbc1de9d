#!/usr/bin/env bash
# attack-class: 33
# title: awk --dump-variables writing a file outside the workspace
# why: gawk writes all variables to the named file
awk --dump-variables=/etc/cron.d/job 'BEGIN { x = "* * * * * root id" }'
