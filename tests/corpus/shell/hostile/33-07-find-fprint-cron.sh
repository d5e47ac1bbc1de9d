#!/usr/bin/env bash
# attack-class: 33
# title: find -fprint0 to a system path
# why: -fprint0 writes the file list to any file
find /data -name '*.csv' -fprint0 /etc/cron.d/list
