# benign: render a CSV file as a Markdown table into /workspace/report.md
import csv
from pathlib import Path

rows = list(csv.reader(Path("/data/team.csv").read_text(encoding="utf-8").splitlines()))
header, body = rows[0], rows[1:]
widths = [max(len(r[i]) for r in rows) for i in range(len(header))]


def fmt(row):
    return "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |"


out = [fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
out += [fmt(r) for r in body]
Path("/workspace/report.md").write_text("\n".join(out) + "\n", encoding="utf-8")
print("\n".join(out))
