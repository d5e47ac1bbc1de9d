# runtime-limit: rootfs-write
# attack-class: 26
# title: write to /etc via Path.cwd().parent
# why: the path is only known at run time (cwd is /workspace, its parent is /); the read-only rootfs must refuse

from pathlib import Path

target = Path.cwd().parent / "etc" / "motd"
target.write_text("owned\n")
