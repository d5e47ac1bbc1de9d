#!/usr/bin/env bash
# runtime-limit: network
# attack-class: 30
# title: redirect to /dev/tcp with the directory computed at run time
# why: the target of the redirect only exists after dirname runs; the container network must refuse the connection

d=$(dirname /dev/null)
host="${1:-203.0.113.9}"
exec 3<>"$d/tcp/$host/80"
printf 'GET / HTTP/1.0\r\n\r\n' >&3
cat <&3
