#!/usr/bin/env bash
# attack-class: 13
# title: /bin/rm by absolute path
# why: a command-name check on "rm" misses the absolute path

set -e
echo "cleaning old reports"
/bin/rm -rf /workspace/../data /tmp/*
