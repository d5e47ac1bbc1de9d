# attack-class: 27
# title: dict(os.environb)
# why: os.environb is not on the os allow-list (only os.environ and os.getenv are)

import os
import json

print(json.dumps({k.decode(): v.decode() for k, v in os.environb.items()}))
