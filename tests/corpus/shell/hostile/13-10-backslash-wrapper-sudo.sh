#!/usr/bin/env bash
# attack-class: 13
# title: \sudo with a leading backslash
# why: backslash in front of a privileged wrapper

\sudo \chown -R nobody:nogroup /data
