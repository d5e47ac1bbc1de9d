# runtime-limit: rootfs-write
# attack-class: 26
# title: path joined from os.sep pieces
# why: os.sep and os.path.join are allowed; the result is /usr/local/bin/report-helper

import os

target = os.path.join(os.sep, "usr", "local", "bin", "report-helper")
with open(target, "w") as fh:
    fh.write("#!/bin/sh\necho hijacked\n")
