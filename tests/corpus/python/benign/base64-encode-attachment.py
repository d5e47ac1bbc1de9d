# benign: base64-encode a file from /data into a JSON envelope (no exec of decoded data)
import base64
import hashlib
import json
from pathlib import Path

src = Path("/data/attachment.pdf")
raw = src.read_bytes()
envelope = {
    "filename": src.name,
    "sha256": hashlib.sha256(raw).hexdigest(),
    "content_b64": base64.b64encode(raw).decode("ascii"),
}
Path("/workspace/attachment.json").write_text(json.dumps(envelope), encoding="utf-8")
print(envelope["filename"], envelope["sha256"])
