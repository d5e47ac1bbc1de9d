#!/usr/bin/env bash
# attack-class: 33
# title: sed --in-place on the read-only data
# why: in-place editing rewrites its input files
sed --in-place=.bak 's/admin/root/' /data/users.csv
