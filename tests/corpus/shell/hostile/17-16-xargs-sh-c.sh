#!/usr/bin/env bash
# attack-class: 17
# title: xargs -I{} sh -c {}
# why: each input line becomes a shell command

printf '%s\n' 'id' 'cat /etc/passwd' | xargs -I{} sh -c '{}'
