#!/usr/bin/env bash
# benign: show the first bytes of a binary file with od
set -euo pipefail
od -A x -t x1z -N 64 /data/records.bin
