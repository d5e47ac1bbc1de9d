# benign: extract and de-duplicate e-mail addresses and domains from text files
import glob
import json
import re
from collections import Counter

EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]{2,}")
found = set()
for path in glob.glob("/data/mail/*.txt"):
    with open(path, encoding="utf-8", errors="replace") as fh:
        found.update(m.group(0).lower() for m in EMAIL.finditer(fh.read()))

domains = Counter(addr.split("@", 1)[1] for addr in found)
print(json.dumps({"addresses": sorted(found), "domains": domains.most_common(5)}, indent=2))
