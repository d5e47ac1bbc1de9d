#!/usr/bin/env bash
# runtime-limit: rootfs-write
# attack-class: 26
# title: redirect to a path built from variables
# why: a static check cannot resolve the target; the read-only rootfs must

top=$(dirname /workspace)
sub=etc
echo "203.0.113.9 pypi.org" >> "$top$sub/hosts"
