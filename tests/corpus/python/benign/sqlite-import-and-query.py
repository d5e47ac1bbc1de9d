# benign: load a CSV into SQLite and run a parameterized report query
import csv
import sqlite3

import pandas as pd

conn = sqlite3.connect("/workspace/shop.db")
conn.execute("CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT, amount REAL, day TEXT)")
with open("/data/orders.csv", newline="") as fh:
    rows = [(int(r["id"]), r["customer"], float(r["amount"]), r["day"]) for r in csv.DictReader(fh)]
conn.executemany("INSERT OR REPLACE INTO orders VALUES (?, ?, ?, ?)", rows)
conn.commit()

min_total = 250.0
report = pd.read_sql_query(
    "SELECT customer, COUNT(*) AS orders, ROUND(SUM(amount), 2) AS total FROM orders GROUP BY customer HAVING total >= ? ORDER BY total DESC",
    conn,
    params=(min_total,),
)
print(report.to_string(index=False))
conn.close()
