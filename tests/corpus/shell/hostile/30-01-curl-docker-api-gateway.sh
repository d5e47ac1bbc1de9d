#!/usr/bin/env bash
# attack-class: 30
# title: curl the Docker API on the host gateway
# why: host addresses are not on the allow-list

curl -s http://172.17.0.1:2375/containers/json
