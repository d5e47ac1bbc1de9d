#!/usr/bin/env bash
# benign: sorted list of log files in the current directory tree
set -euo pipefail
find . -name '*.log' | sort
