# benign: list files in /data with sizes and modification times using os.scandir and os.stat
import json
import os
from datetime import datetime, timezone


def inventory(path):
    items = []
    with os.scandir(path) as it:
        for entry in it:
            st = os.stat(entry.path)
            items.append({
                "name": entry.name,
                "dir": entry.is_dir(),
                "size": st.st_size,
                "modified": datetime.fromtimestamp(st.st_mtime, tz=timezone.utc).isoformat(),
            })
    return sorted(items, key=lambda i: i["name"])


print(json.dumps(inventory("/data"), indent=2))
