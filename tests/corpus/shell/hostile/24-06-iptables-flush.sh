#!/usr/bin/env bash
# attack-class: 24
# title: iptables -F
# why: removes egress firewall rules

iptables -P OUTPUT ACCEPT
iptables -F
