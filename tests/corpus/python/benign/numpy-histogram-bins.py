# benign: text histogram of response times with numpy
import numpy as np

times = np.genfromtxt("/data/response_times.txt")
times = times[np.isfinite(times)]
counts, edges = np.histogram(times, bins=12)
width = 50
peak = counts.max() if counts.size else 1
for count, left, right in zip(counts, edges[:-1], edges[1:]):
    bar = "#" * int(round(width * count / peak))
    print(f"{left:8.1f}-{right:8.1f} ms | {bar} {count}")
print(f"p50={np.percentile(times, 50):.1f} p95={np.percentile(times, 95):.1f} p99={np.percentile(times, 99):.1f}")
