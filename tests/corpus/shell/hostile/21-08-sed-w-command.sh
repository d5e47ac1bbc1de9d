#!/usr/bin/env bash
# attack-class: 21
# title: sed -n 'w /etc/...'
# why: the sed w command writes to any file

sed -n 'w /etc/cron.d/job' /data/input.csv
