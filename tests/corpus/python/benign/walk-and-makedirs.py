# benign: mirror the /data directory tree as empty report folders under /workspace/reports
import os

created = 0
for dirpath, dirnames, _files in os.walk("/data"):
    rel = os.path.relpath(dirpath, "/data")
    target = os.path.normpath(os.path.join("/workspace/reports", rel))
    os.makedirs(target, exist_ok=True)
    created += 1
print(f"{created} folders ready under /workspace/reports")
