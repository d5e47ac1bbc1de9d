#!/usr/bin/env bash
# attack-class: 24
# title: chmod -R 777 /etc
# why: makes system configuration world-writable

chmod -R a+rwx /etc
