#!/usr/bin/env bash
# attack-class: 20
# title: $(( n )) where n is read from a data file
# why: input data reaches arithmetic evaluation

read -r n < /data/count.txt
echo "rows: $(( n + 1 ))"
