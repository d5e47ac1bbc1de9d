# attack-class: 8
# title: exec of a base64-decoded payload
# why: base64 is allowed; the payload imports os and runs a command

import base64

PAYLOAD = "aW1wb3J0IG9zCm9zLnN5c3RlbSgnaWQnKQo="
exec(base64.b64decode(PAYLOAD))
