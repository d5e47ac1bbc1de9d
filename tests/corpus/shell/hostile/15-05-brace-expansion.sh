#!/usr/bin/env bash
# attack-class: 15
# title: {rm,-rf,/}
# why: brace expansion yields three words: rm -rf /

{rm,-rf,/workspace}
