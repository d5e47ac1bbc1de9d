# benign: a configuration dict with keys named exec, eval and system that are plain data
import json

PHASES = {
    "plan": {"minutes": 5},
    "exec": {"minutes": 30, "parallel": 2},
    "eval": {"minutes": 10},
    "system": {"name": "reporting"},
}

with open("/data/phases_override.json", encoding="utf-8") as fh:
    overrides = json.load(fh)

for name, settings in overrides.items():
    PHASES.setdefault(name, {}).update(settings)

total = sum(p.get("minutes", 0) for p in PHASES.values())
print(json.dumps({"phases": PHASES, "exec_minutes": PHASES["exec"]["minutes"], "total": total}, indent=2))
