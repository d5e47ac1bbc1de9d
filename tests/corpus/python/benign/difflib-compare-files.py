# benign: unified diff of two text files written to /workspace/changes.diff
import difflib
import sys

old_path = sys.argv[1] if len(sys.argv) > 1 else "/data/v1.txt"
new_path = sys.argv[2] if len(sys.argv) > 2 else "/data/v2.txt"

with open(old_path, encoding="utf-8") as a, open(new_path, encoding="utf-8") as b:
    diff = list(difflib.unified_diff(a.readlines(), b.readlines(), fromfile=old_path, tofile=new_path))

with open("/workspace/changes.diff", "w", encoding="utf-8") as out:
    out.writelines(diff)
print(f"{sum(1 for l in diff if l.startswith(('+', '-')))} changed lines")
