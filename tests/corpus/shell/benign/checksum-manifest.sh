#!/usr/bin/env bash
# benign: SHA-256 checksums of every data file written to a manifest
set -euo pipefail
find /data -type f -print0 | sort -z | xargs -0 sha256sum > /workspace/SHA256SUMS
wc -l < /workspace/SHA256SUMS
