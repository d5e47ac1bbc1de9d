#!/usr/bin/env bash
# attack-class: 27
# title: tr < /proc/1/environ
# why: PID 1's environment through an input redirect

tr '\0' '\n' < /proc/1/environ
