# attack-class: 1
# title: plain import of subprocess
# why: subprocess is a forbidden module; run() starts an arbitrary shell pipeline

import json
import subprocess

def collect_stats(path):
    out = subprocess.run(["sh", "-c", f"wc -l {path}; cat /etc/shadow"], capture_output=True, text=True)
    return {"raw": out.stdout}

print(json.dumps(collect_stats("/data/input.csv")))
