#!/usr/bin/env bash
# attack-class: 24
# title: shutdown -h now
# why: stops the machine

shutdown -h now
