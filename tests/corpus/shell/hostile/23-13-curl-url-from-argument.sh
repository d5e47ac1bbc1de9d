#!/usr/bin/env bash
# attack-class: 23
# title: curl on a URL passed as an argument
# why: the host is not visible statically; the default policy blocks every curl while allowOutbound is false

curl -s --max-time 5 "$1" > /workspace/download.bin
