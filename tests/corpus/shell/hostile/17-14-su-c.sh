#!/usr/bin/env bash
# attack-class: 17
# title: su -c
# why: su runs a command as another user

su -c 'rm -rf /data' root
