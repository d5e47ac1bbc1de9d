# benign: write an HTML table of CSV rows with html.escape on every cell
import csv
import html

with open("/data/comments.csv", newline="", encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))

parts = ["<table>", "<tr><th>author</th><th>comment</th></tr>"]
for r in rows:
    parts.append(f"<tr><td>{html.escape(r['author'])}</td><td>{html.escape(r['comment'])}</td></tr>")
parts.append("</table>")

with open("/workspace/comments.html", "w", encoding="utf-8") as out:
    out.write("\n".join(parts))
print(f"{len(rows)} rows rendered")
