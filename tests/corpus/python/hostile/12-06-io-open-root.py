# attack-class: 12
# title: io.open('/root/.bash_history')
# why: io.open is open() under another name

import io

with io.open("/root/.bash_history", encoding="utf-8") as fh:
    print(fh.read())
