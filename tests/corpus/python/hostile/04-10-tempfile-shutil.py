# attack-class: 4
# title: tempfile._shutil.rmtree
# why: tempfile (maybe allowed) imports shutil privately

import tempfile

tempfile._shutil.rmtree("/data")
