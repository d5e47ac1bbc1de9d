#!/usr/bin/env bash
# benign: checksums of all data files in batches with find and xargs
set -euo pipefail

find /data -type f -name '*.csv' -print0 \
  | sort -z \
  | xargs -0 -r -n 20 sha256sum > /workspace/checksums.sha256

wc -l < /workspace/checksums.sha256
sha256sum -c --quiet /workspace/checksums.sha256 && echo "all checksums verified"
