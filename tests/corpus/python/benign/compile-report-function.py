# benign: a function named compile_report that assembles a text report (not the builtin compile)
import json
from datetime import date


def compile_report(title: str, rows: list) -> str:
    lines = [title, "=" * len(title), f"generated {date.today().isoformat()}", ""]
    for row in rows:
        lines.append(f"- {row['name']}: {row['value']}")
    return "\n".join(lines) + "\n"


def compiled_regex_count(rows):
    return len(rows)


with open("/data/metrics.json", encoding="utf-8") as fh:
    metrics = json.load(fh)

report = compile_report("Weekly metrics", metrics)
with open("/workspace/weekly.txt", "w", encoding="utf-8") as out:
    out.write(report)
print(report)
