#!/usr/bin/env bash
# attack-class: 15
# title: ${s:0:2} substring
# why: the first two letters of rmdir are rm

s=rmdirs
${s:0:2} -rf /workspace
