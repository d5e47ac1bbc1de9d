#!/usr/bin/env bash
# attack-class: 21
# title: > /etc/passwd
# why: redirect truncates a system file

echo 'root::0:0:root:/root:/bin/bash' > /etc/passwd
