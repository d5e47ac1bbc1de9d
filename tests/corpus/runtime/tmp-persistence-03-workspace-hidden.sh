#!/usr/bin/env bash
# runtime-limit: tmp-persistence
# attack-class: 26
# title: hidden file in /workspace read by the next job
# why: if /workspace is reused between jobs the next job sees this

cat /workspace/.cache/* 2>/dev/null
mkdir -p /workspace/.cache
cp_note="copied at $(date +%s)"
{ echo "$cp_note"; head -n 50 /data/customers.csv; } > /workspace/.cache/leak.txt
