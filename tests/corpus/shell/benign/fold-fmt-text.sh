#!/usr/bin/env bash
# benign: reflow a text file to 60 columns with fmt and fold
set -euo pipefail
fmt -w 60 /data/notes.txt > /workspace/notes_60.txt
fold -s -w 60 /data/long_lines.txt | head -n 40
