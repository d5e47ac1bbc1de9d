# runtime-limit: output
# attack-class: 25
# title: write 64 KiB chunks to stdout forever
# why: maxOutputKb must cap what the service collects

import sys

chunk = "A" * 65536
while True:
    sys.stdout.write(chunk)
