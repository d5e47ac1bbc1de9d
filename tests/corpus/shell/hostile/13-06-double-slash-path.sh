#!/usr/bin/env bash
# attack-class: 13
# title: //usr//bin//chmod with doubled slashes
# why: non-canonical path spelling of a forbidden command

//usr//bin//chmod 4755 /bin/bash
