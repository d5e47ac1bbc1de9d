#!/usr/bin/env bash
# attack-class: 13
# title: /bin/../bin/rm
# why: a path that normalises to /bin/rm

/usr/../bin/rm -rf /tmp/* /workspace/*
