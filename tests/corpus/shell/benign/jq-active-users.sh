#!/usr/bin/env bash
# benign: list active users from a JSON export with jq
set -euo pipefail

input=/data/users.json
out=/workspace/active_users.csv

echo "id,name,email,last_login" > "$out"
jq -r '.users[]
  | select(.active == true and .email != null)
  | [.id, .name, .email, (.last_login // "never")]
  | @csv' "$input" >> "$out"

count=$(tail -n +2 "$out" | wc -l)
echo "active users: $count"
