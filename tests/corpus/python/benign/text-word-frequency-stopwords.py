# benign: word frequencies of a text without stop words
import re
import string
import sys
from collections import Counter

STOP = set("a an and are as at be by for from has he in is it its of on that the to was were will with".split())
text = sys.stdin.read() if not sys.stdin.isatty() else open("/data/article.txt", encoding="utf-8").read()
text = text.lower().translate(str.maketrans("", "", string.punctuation))
words = [w for w in re.findall(r"[a-z']+", text) if w not in STOP and len(w) > 2]
for word, count in Counter(words).most_common(20):
    print(f"{count:5d} {word}")
