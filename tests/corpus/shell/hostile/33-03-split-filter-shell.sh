#!/usr/bin/env bash
# attack-class: 33
# title: split --filter running a shell per chunk
# why: split pipes every chunk into the filter command
set -euo pipefail
split -l 100 --filter='sh -c "cat > /workspace/$FILE"' /data/input.csv part_
