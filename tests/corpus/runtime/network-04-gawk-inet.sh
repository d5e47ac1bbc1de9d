#!/usr/bin/env bash
# runtime-limit: network
# attack-class: 30
# title: gawk /inet/tcp special file with the host from an argument
# why: awk is allowed and runs no command; gawk opens the socket itself

awk -v host="${1:-203.0.113.9}" 'BEGIN {
  s = "/inet/tcp/0/" host "/80"
  print "GET / HTTP/1.0\r\n\r" |& s
  while ((s |& getline line) > 0) print line
  close(s)
}'
