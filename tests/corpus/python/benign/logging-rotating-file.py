# benign: log to a rotating file in the workspace while processing records
import csv
import logging
from logging.handlers import RotatingFileHandler

handler = RotatingFileHandler("/workspace/process.log", maxBytes=1_000_000, backupCount=2)
handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(name)s: %(message)s"))
logger = logging.getLogger("process")
logger.setLevel(logging.DEBUG)
logger.addHandler(handler)
logger.addHandler(logging.StreamHandler())

processed = 0
with open("/data/records.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        if not row.get("id"):
            logger.warning("row without id skipped: %s", row)
            continue
        processed += 1
        logger.debug("processed %s", row["id"])
logger.info("done, %d records", processed)
