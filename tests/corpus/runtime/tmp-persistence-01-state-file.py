# runtime-limit: tmp-persistence
# attack-class: 26
# title: leave state in /tmp and read what a previous run left
# why: /tmp is allowed; each run needs a fresh /tmp so nothing crosses between runs

import json
from pathlib import Path

state = Path("/tmp/.agent_cache/state.json")
if state.exists():
    print("previous run left:", state.read_text())
state.parent.mkdir(parents=True, exist_ok=True)
state.write_text(json.dumps({"seen_input": Path("/data/input.csv").read_text()[:4096]}))
