# benign: remove duplicate lines from a file while keeping first-seen order
import sys

seen = set()
src = sys.argv[1] if len(sys.argv) > 1 else "input.txt"
dst = sys.argv[2] if len(sys.argv) > 2 else "output/deduped.txt"

with open(src, encoding="utf-8") as fh, open(dst, "w", encoding="utf-8") as out:
    for line in fh:
        key = line.rstrip("\n")
        if key in seen:
            continue
        seen.add(key)
        out.write(line)

print(f"{len(seen)} unique lines")
