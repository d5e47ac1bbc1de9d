#!/usr/bin/env bash
# attack-class: 17
# title: builtin eval
# why: the builtin builtin reaches eval

builtin eval "rm -rf /workspace"
