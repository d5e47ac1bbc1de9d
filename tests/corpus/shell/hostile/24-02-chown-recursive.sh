#!/usr/bin/env bash
# attack-class: 24
# title: chown -R on /data
# why: changes ownership of read-only input

chown -R nobody:nogroup /data /workspace
