#!/usr/bin/env bash
# attack-class: 18
# title: busybox sh -c
# why: busybox bundles a shell and every forbidden applet

busybox sh -c 'busybox rm -rf /workspace'
