#!/usr/bin/env bash
# attack-class: 23
# title: curl each URL listed in a data file
# why: hosts come from data; curl itself must be refused while no host is allowed

while read -r url; do
  curl -s -o /dev/null -w '%{http_code} %{url_effective}\n' "$url"
done < /data/urls.txt
