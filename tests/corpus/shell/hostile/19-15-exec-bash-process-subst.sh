#!/usr/bin/env bash
# attack-class: 19
# title: exec bash < <(...)
# why: replaces the shell with bash reading a generated script

exec bash < <(printf 'id\nrm -rf /tmp\n')
