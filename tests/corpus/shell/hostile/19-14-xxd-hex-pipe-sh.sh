#!/usr/bin/env bash
# attack-class: 19
# title: xxd -r -p | sh
# why: hex-encoded payload decoded into a shell

echo 726d202d7266202f776f726b73706163650a | xxd -r -p | sh
