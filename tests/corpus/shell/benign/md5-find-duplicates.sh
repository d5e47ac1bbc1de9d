#!/usr/bin/env bash
# benign: find duplicate files by content hash
set -euo pipefail

find /data -type f -print0 \
  | xargs -0 -r md5sum \
  | sort \
  | awk '{
      if ($1 == prev) { if (!shown[$1]++) print prevfile; print $2 }
      prev = $1; prevfile = $2
    }' > /workspace/duplicates.txt

echo "$(wc -l < /workspace/duplicates.txt) files share their content with another file"
