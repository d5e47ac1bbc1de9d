#!/usr/bin/env bash
# attack-class: 24
# title: mkfs.ext4 on a device
# why: formats a filesystem

mkfs.ext4 -F /dev/sdb1
