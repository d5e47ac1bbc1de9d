#!/usr/bin/env bash
# benign: de-duplicate a list and show which lines were repeated
set -euo pipefail
sort /data/emails.txt | uniq > /workspace/emails_unique.txt
echo "duplicates:"
sort /data/emails.txt | uniq -d
