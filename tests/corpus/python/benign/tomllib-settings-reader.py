# benign: read a TOML settings file and print the effective configuration
import tomllib
from pathlib import Path

DEFAULTS = {"batch_size": 500, "retries": 3, "output_dir": "/workspace/out"}

path = Path("/data/job.toml")
with path.open("rb") as fh:
    settings = tomllib.load(fh)

job = {**DEFAULTS, **settings.get("job", {})}
for key in sorted(job):
    print(f"{key:<12} = {job[key]!r}")
Path(job["output_dir"]).mkdir(parents=True, exist_ok=True)
