#!/usr/bin/env bash
# benign: write a report template with a here-document fed to cat (not to a shell)
set -euo pipefail
mkdir -p /workspace/out
today=$(date +%F)
cat > /workspace/out/README.txt <<EOF
Report generated on $today
Sources: /data/*.csv
Nothing is deleted or executed by this job.
EOF
cat <<'RAW'
Literal text: $HOME and $(date) are not expanded here.
RAW
