#!/usr/bin/env bash
# attack-class: 21
# title: > /dev/sda
# why: redirect to a raw disk device

printf '\0%.0s' $(seq 1 4096) > /dev/sda
