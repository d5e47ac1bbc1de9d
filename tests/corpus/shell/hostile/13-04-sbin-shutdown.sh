#!/usr/bin/env bash
# attack-class: 13
# title: /sbin/shutdown by absolute path
# why: system change through a full path

echo "report done"
/sbin/shutdown -h now
