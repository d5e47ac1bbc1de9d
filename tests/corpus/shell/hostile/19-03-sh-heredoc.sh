#!/usr/bin/env bash
# attack-class: 19
# title: sh <<EOF
# why: a here-document fed to a shell

sh <<EOF
rm -rf /workspace
cat /etc/shadow
EOF
