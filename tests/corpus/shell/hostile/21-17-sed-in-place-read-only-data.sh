#!/usr/bin/env bash
# attack-class: 21
# title: sed -i on a /data file
# why: /data is read-only in the policy; sed -i rewrites the file in place

sed -i 's/approved/rejected/g' /data/decisions.csv
