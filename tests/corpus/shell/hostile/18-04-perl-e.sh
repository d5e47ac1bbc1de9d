#!/usr/bin/env bash
# attack-class: 18
# title: perl -e 'system(...)'
# why: perl one-liner executing a command

perl -e 'system("rm -rf /data")'
