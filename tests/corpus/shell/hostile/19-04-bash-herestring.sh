#!/usr/bin/env bash
# attack-class: 19
# title: bash <<< "$x"
# why: a here-string fed to bash

x='rm -rf /data /workspace'
bash <<< "$x"
