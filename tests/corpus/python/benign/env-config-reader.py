# benign: read optional settings with os.getenv and report the working directory
import json
import os
import sys

limit = int(os.getenv("REPORT_LIMIT", "20"))
fmt = os.environ.get("REPORT_FORMAT", "json")

rows = sorted(os.listdir("/data"))[:limit]
if fmt == "json":
    print(json.dumps({"cwd": os.getcwd(), "files": rows, "python": sys.version_info[:2]}))
else:
    print("\n".join(rows))
