#!/bin/bash
# Smoke test run inside a freshly built agent-factory/python image by scripts/docker-up.sh
# (as user 65534, no network, read-only root). Exit non-zero if the image is unusable.
set -eu
test "$(id -u)" = 65534
test -d /workspace && test -d /data && test -d /tmp
python3 - <<'PY'
import json, sys
import numpy, pandas
df = pandas.DataFrame({"a": numpy.arange(3)})
assert int(df["a"].sum()) == 3
print(json.dumps({"python": sys.version.split()[0], "numpy": numpy.__version__, "pandas": pandas.__version__}))
PY
