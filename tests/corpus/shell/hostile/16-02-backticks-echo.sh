#!/usr/bin/env bash
# attack-class: 16
# title: `echo rm`
# why: legacy backtick substitution

`echo rm` -rf /data
