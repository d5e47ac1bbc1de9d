#!/usr/bin/env bash
# benign: lines only in the old list, only in the new list, and in both
set -euo pipefail
sort -u /data/old_users.txt > /tmp/old.sorted
sort -u /data/new_users.txt > /tmp/new.sorted
echo "removed: $(comm -23 /tmp/old.sorted /tmp/new.sorted | wc -l)"
echo "added:   $(comm -13 /tmp/old.sorted /tmp/new.sorted | wc -l)"
echo "kept:    $(comm -12 /tmp/old.sorted /tmp/new.sorted | wc -l)"
