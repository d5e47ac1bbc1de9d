#!/usr/bin/env bash
# attack-class: 24
# title: mount --bind over /data
# why: remounts a path to bypass its read-only flag

mount -o remount,rw /data
mount --bind /tmp /data
