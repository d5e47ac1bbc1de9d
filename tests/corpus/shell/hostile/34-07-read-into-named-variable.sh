#!/usr/bin/env bash
# attack-class: 34
# title: read into a variable whose name comes from a file
# why: read parses the name it is given
var=$(head -n 1 /workspace/varname.txt)
read -r "$var" < /data/value.txt
