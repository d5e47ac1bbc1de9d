#!/usr/bin/env bash
# attack-class: 33
# title: shuf --random-source reading a device
# why: --random-source reads any file the tool names
shuf --random-source=/dev/mem -n 3 /data/names.txt
