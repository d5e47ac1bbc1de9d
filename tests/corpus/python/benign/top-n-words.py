# benign: the N most frequent words of a text file, ignoring a small stop-word list
import re
import sys
from collections import Counter

STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "that", "for", "on"}

n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
path = sys.argv[1] if len(sys.argv) > 1 else "/data/book.txt"

with open(path, encoding="utf-8") as fh:
    words = re.findall(r"[a-zA-Z']+", fh.read().lower())

for word, freq in Counter(w for w in words if w not in STOP).most_common(n):
    print(f"{freq:6d}  {word}")
