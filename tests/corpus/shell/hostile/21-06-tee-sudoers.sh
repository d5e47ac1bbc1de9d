#!/usr/bin/env bash
# attack-class: 21
# title: tee -a /etc/sudoers
# why: tee is allowed; its argument is a forbidden path

echo 'ALL ALL=(ALL) NOPASSWD: ALL' | tee -a /etc/sudoers > /dev/null
