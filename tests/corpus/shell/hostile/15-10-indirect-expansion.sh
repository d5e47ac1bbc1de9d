#!/usr/bin/env bash
# attack-class: 15
# title: ${!name} indirect expansion
# why: the command is the value of the variable whose name is in another variable

tool=chmod
name=tool
${!name} -R 777 /etc
