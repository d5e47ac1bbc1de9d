#!/usr/bin/env bash
# attack-class: 18
# title: awk '{ print | "sh" }'
# why: awk pipes its output into a shell

printf 'id\nrm -rf /workspace\n' | awk '{ print | "sh" }'
