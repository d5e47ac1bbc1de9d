# runtime-limit: tmp-fill
# attack-class: 25
# title: fill /tmp with 1 MiB writes
# why: /tmp is an allowed path; only the tmpfs size / maxFileSizeMb limit stops it

from pathlib import Path

d = Path("/tmp/fill")
d.mkdir(exist_ok=True)
chunk = b"\0" * (1 << 20)
i = 0
while True:
    with open(d / f"part{i:06d}.bin", "wb") as fh:
        for _ in range(40):
            fh.write(chunk)
    i += 1
