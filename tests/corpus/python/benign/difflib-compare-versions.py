# benign: unified diff of two versions of a document
import difflib
import sys

old_path = sys.argv[1] if len(sys.argv) > 1 else "/data/v1.txt"
new_path = sys.argv[2] if len(sys.argv) > 2 else "/data/v2.txt"
with open(old_path, encoding="utf-8") as a, open(new_path, encoding="utf-8") as b:
    old, new = a.readlines(), b.readlines()

diff = list(difflib.unified_diff(old, new, fromfile=old_path, tofile=new_path, n=2))
sys.stdout.writelines(diff)
ratio = difflib.SequenceMatcher(None, "".join(old), "".join(new)).ratio()
print(f"\nsimilarity: {ratio:.1%}")
