# attack-class: 12
# title: Path('~/.ssh').expanduser()
# why: home directory keys are outside the allowed paths

from pathlib import Path

for key in Path("~/.ssh").expanduser().glob("id_*"):
    print(key.name, key.read_text())
