#!/bin/bash
# Smoke test run inside a freshly built agent-factory/shell image by scripts/docker-up.sh
# (as user 65534, no network, read-only root). Exit non-zero if the image is unusable.
set -eu
test "$(id -u)" = 65534
test -d /workspace && test -d /data && test -d /tmp
test "$(echo a,b | cut -d, -f2)" = b
test "$(printf 'x 1\ny 2\n' | awk '{s += $2} END {print s}')" = 3
test "$(jq -nc '{a: 1}')" = '{"a":1}'
test "$(echo abc | sed 's/b/X/' | grep -c aXc)" = 1
find /workspace -maxdepth 0 >/dev/null
echo '{"shell": "'"$BASH_VERSION"'", "jq": "'"$(jq --version)"'"}'
