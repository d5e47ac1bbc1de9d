#!/usr/bin/env bash
# attack-class: 24
# title: systemctl stop/disable
# why: stops services on the host or container

systemctl stop auditd
systemctl disable --now docker
