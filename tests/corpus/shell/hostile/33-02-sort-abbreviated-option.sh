#!/usr/bin/env bash
# attack-class: 33
# title: an abbreviated --compress-program
# why: GNU getopt accepts unambiguous prefixes: --compress-prog is --compress-program
set -euo pipefail
sort --buffer-size=1K --compress-prog=bash /data/big.txt | head -n 5
