# benign: SHA-256 manifest of every file under /data written to /workspace/manifest.txt
import hashlib
import os

ROOT = "/data"
lines = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames.sort()
    for name in sorted(filenames):
        path = os.path.join(dirpath, name)
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(65536), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {os.path.relpath(path, ROOT)}")

with open("/workspace/manifest.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
print(f"{len(lines)} files hashed")
