# benign: find files by several fnmatch patterns under /data and print their sizes
import fnmatch
import os
import sys

patterns = sys.argv[1:] or ["*.csv", "*.json"]
for dirpath, _dirs, files in os.walk("/data"):
    for name in files:
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            path = os.path.join(dirpath, name)
            print(f"{os.path.getsize(path):>10}  {path}")
