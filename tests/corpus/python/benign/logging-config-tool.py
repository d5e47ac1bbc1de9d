# benign: a tool that logs progress to /workspace/tool.log with the logging module
import csv
import logging

logging.basicConfig(
    filename="/workspace/tool.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)
log = logging.getLogger("row_checker")

bad = 0
with open("/data/input.csv", newline="", encoding="utf-8") as fh:
    for lineno, row in enumerate(csv.reader(fh), start=1):
        if any(cell.strip() == "" for cell in row):
            bad += 1
            log.warning("empty cell on line %d", lineno)
log.info("finished, %d rows with empty cells", bad)
print(bad)
