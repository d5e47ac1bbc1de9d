#!/usr/bin/env bash
# attack-class: 14
# title: c''h''mod split by empty quotes
# why: several empty quote pairs inside one word

c''h''mod 777 /etc/shadow
