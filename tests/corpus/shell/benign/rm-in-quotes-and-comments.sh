#!/usr/bin/env bash
# benign: the word rm appears only in quotes and comments, never as a command
# Note: this script must never rm anything; it only reports which files
# a cleanup job *would* remove (think "rm -rf /tmp/old").
set -euo pipefail

echo "don't rm this"
echo 'dry run: would run "rm -f" on the files below'
printf '%s\n' "rm is not used; listing only"
find /data -name '*.bak' -print | sort
