# attack-class: 12
# title: gzip.open('/var/log/auth.log.1.gz')
# why: allowed module, forbidden path

import gzip

with gzip.open("/var/log/auth.log.1.gz", "rt") as fh:
    print(fh.read())
