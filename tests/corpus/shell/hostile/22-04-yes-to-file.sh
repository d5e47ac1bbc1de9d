#!/usr/bin/env bash
# attack-class: 22
# title: yes > /tmp/fill
# why: unbounded output fills the disk

yes "$(printf '%0512d' 0)" > /tmp/fill.txt
