#!/usr/bin/env bash
# attack-class: 26
# title: stash input in /dev/shm for a later run
# why: /dev/shm is outside the allowed paths and shared across runs on some setups

cat /data/customers.csv > /dev/shm/.cache_customers
