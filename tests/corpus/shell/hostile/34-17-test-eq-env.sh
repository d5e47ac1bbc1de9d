#!/usr/bin/env bash
# attack-class: 34
# title: [[ -gt ]] on an environment variable
# why: [[ -gt ]] evaluates both operands arithmetically
if [[ ${RETRIES:-3} -gt 5 ]]; then
  echo "many retries"
fi
