#!/usr/bin/env bash
# attack-class: 24
# title: umount /data
# why: detaches a mounted volume

umount -l /data
