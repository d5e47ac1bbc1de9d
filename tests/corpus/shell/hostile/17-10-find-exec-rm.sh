#!/usr/bin/env bash
# attack-class: 17
# title: find -exec rm {} \;
# why: find is allowed but -exec runs any command

find / -xdev -type f -exec rm -f {} \;
