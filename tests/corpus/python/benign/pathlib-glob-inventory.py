# benign: inventory of data files by extension with pathlib
from collections import defaultdict
from pathlib import Path

root = Path("/data")
sizes: dict[str, int] = defaultdict(int)
counts: dict[str, int] = defaultdict(int)
for path in root.rglob("*"):
    if path.is_file():
        ext = path.suffix.lower() or "(none)"
        sizes[ext] += path.stat().st_size
        counts[ext] += 1

report = Path("/workspace/inventory.txt")
with report.open("w") as out:
    for ext in sorted(sizes, key=sizes.get, reverse=True):
        out.write(f"{ext:<8} {counts[ext]:>6} files {sizes[ext] / 1024:>10.1f} KiB\n")
print(report.read_text())
