#!/usr/bin/env bash
# benign: normalize, deduplicate and compare two email lists
set -euo pipefail

normalize() {
  tr '[:upper:]' '[:lower:]' < "$1" | sed -E 's/^[[:space:]]+|[[:space:]]+$//g' | grep -E '^[^@]+@[^@]+\.[a-z]+$' | sort -u
}

normalize /data/newsletter.txt > /tmp/newsletter.sorted
normalize /data/customers_emails.txt > /tmp/customers.sorted

echo "subscribers: $(wc -l < /tmp/newsletter.sorted)"
echo "customers:   $(wc -l < /tmp/customers.sorted)"
echo "customers not subscribed:"
comm -13 /tmp/newsletter.sorted /tmp/customers.sorted | head -n 20
