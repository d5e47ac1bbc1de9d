#!/usr/bin/env bash
# attack-class: 14
# title: 'r'"m" concatenated quotes
# why: two differently quoted halves join into one word

'r'"m" -rf /
