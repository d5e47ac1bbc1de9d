#!/usr/bin/env bash
# attack-class: 19
# title: cat file | bash -s
# why: a data file becomes a script

cat /data/notes.txt | bash -s
