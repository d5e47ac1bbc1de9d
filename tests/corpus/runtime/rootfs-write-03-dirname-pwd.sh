#!/usr/bin/env bash
# runtime-limit: rootfs-write
# attack-class: 26
# title: touch a file next to /workspace via dirname "$PWD"
# why: the target directory is computed at run time

root=$(dirname "$PWD")
touch "$root/marker-from-sandbox"
mkdir -p "$root/usr/local/share/agent"
