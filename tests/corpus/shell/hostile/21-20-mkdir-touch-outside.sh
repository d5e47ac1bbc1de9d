#!/usr/bin/env bash
# attack-class: 21
# title: mkdir -p and touch under /etc and /root
# why: allowed commands with path arguments outside /workspace and /tmp

mkdir -p /root/.config/autostart
touch /etc/ld.so.preload
