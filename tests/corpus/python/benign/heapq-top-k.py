# benign: the k largest orders from a big CSV without loading everything, using heapq
import csv
import heapq
import json

K = 10
heap = []
with open("/data/orders.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        item = (float(row["total"]), row["order_id"])
        if len(heap) < K:
            heapq.heappush(heap, item)
        else:
            heapq.heappushpop(heap, item)

print(json.dumps([{"order_id": oid, "total": t} for t, oid in sorted(heap, reverse=True)], indent=2))
