#!/usr/bin/env bash
# attack-class: 17
# title: find -fprint to a forbidden path
# why: find writes its output to any file named by -fprint

find /data -name '*.csv' -fprint /etc/cron.d/report
