#!/usr/bin/env bash
# attack-class: 18
# title: git -c core.pager=...
# why: git runs the configured pager through a shell

git -c core.pager='sh -c "id > /workspace/pwn"' log -1
