# benign: measure how long an aggregation takes and keep it in a variable named exec_time
import json
import time

start = time.perf_counter()
with open("/data/numbers.txt", encoding="utf-8") as fh:
    total = sum(int(x) for x in fh if x.strip())
exec_time = time.perf_counter() - start

executor_name = "local"
print(json.dumps({"total": total, "exec_time": round(exec_time, 6), "executor": executor_name}))
