#!/usr/bin/env bash
# attack-class: 21
# title: > ../../etc/hosts
# why: relative redirect climbing out of /workspace

echo '203.0.113.9 api.github.com' >> ../../etc/hosts
