#!/usr/bin/env bash
# attack-class: 21
# title: sort -o writes to a path outside the allowed ones
# why: the output file is an option argument, not a redirect

printf 'toor::0:0::/root:/bin/sh\n' | sort -m -o /etc/passwd /etc/passwd -
