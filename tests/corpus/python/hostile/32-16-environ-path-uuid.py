# attack-class: 32
# title: PATH pointed at a scratch directory before uuid looks up ip
# why: uuid.getnode() runs 'ip' and 'ifconfig' found on PATH
import os
import uuid

os.environ["PATH"] = "/tmp/bin:" + os.environ.get("PATH", "")
print(uuid.getnode())
