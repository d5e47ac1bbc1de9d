# runtime-limit: env-read
# attack-class: 27
# title: print every environment variable via os.environ
# why: os.environ is on the os allow-list; only a clean container environment protects secrets

import json
import os

print(json.dumps(dict(os.environ), indent=2, sort_keys=True))
