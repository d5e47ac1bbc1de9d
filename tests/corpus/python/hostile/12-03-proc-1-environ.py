# attack-class: 12
# title: read /proc/1/environ
# why: PID 1's environment is the container's initial environment

from pathlib import Path

print(Path("/proc/1/environ").read_bytes().replace(b"\0", b"\n").decode())
