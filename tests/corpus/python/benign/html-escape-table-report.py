# benign: render rows as an escaped HTML table
import csv
import html

ROW = "<tr>{}</tr>"
CELL = "<td>{}</td>"
with open("/data/comments.csv", newline="", encoding="utf-8") as fh:
    reader = csv.reader(fh)
    header = next(reader)
    body = "\n".join(ROW.format("".join(CELL.format(html.escape(cell)) for cell in row)) for row in reader)

head = ROW.format("".join(f"<th>{html.escape(h)}</th>" for h in header))
page = f"<table>\n{head}\n{body}\n</table>\n"
with open("/workspace/comments.html", "w", encoding="utf-8") as out:
    out.write(page)
