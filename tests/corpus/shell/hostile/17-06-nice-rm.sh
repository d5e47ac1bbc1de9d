#!/usr/bin/env bash
# attack-class: 17
# title: nice -n 19 rm
# why: nice runs its argument

nice -n 19 rm -rf /workspace
