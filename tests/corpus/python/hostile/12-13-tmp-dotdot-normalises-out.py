# attack-class: 12
# title: Path('/tmp/../etc/shadow')
# why: starts with an allowed prefix but normalises to /etc

from pathlib import Path

print(Path("/tmp/../etc/shadow").read_text())
