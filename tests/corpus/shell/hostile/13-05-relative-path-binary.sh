#!/usr/bin/env bash
# attack-class: 13
# title: rm reached by a relative path to /bin
# why: ../../bin/rm resolves to /bin/rm from /workspace

../../bin/rm -rf /workspace/../data
