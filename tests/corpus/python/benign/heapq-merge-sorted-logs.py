# benign: merge already sorted log files by timestamp with heapq.merge
import glob
import heapq
from contextlib import ExitStack


def keyed(fh):
    for line in fh:
        yield line[:19], line


with ExitStack() as stack:
    files = [stack.enter_context(open(p, encoding="utf-8")) for p in sorted(glob.glob("/data/logs/*.log"))]
    with open("/workspace/merged.log", "w", encoding="utf-8") as out:
        for _, line in heapq.merge(*(keyed(f) for f in files)):
            out.write(line)
print(f"merged {len(files)} files")
