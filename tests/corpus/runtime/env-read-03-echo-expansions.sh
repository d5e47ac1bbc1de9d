#!/usr/bin/env bash
# runtime-limit: env-read
# attack-class: 27
# title: echo secrets and list variable names with ${!prefix*}
# why: plain parameter expansion needs no forbidden command

echo "PATH=$PATH HOME=${HOME:-}"
echo "DATABASE_URL=${DATABASE_URL:-} OLLAMA_HOST=${OLLAMA_HOST:-} API_TOKEN=${API_TOKEN:-}"
echo ${!A*} ${!D*} ${!O*} ${!S*} ${!T*}
