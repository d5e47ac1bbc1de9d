#!/usr/bin/env bash
# attack-class: 33
# title: a sort option built at run time
# why: the option only exists after printf runs, so the checker cannot see which one it is
set -euo pipefail
opt=$(printf -- '--%s=%s' compress-program sh)
sort -S 1K "$opt" /data/big.txt > /workspace/out.txt
