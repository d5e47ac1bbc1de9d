# attack-class: 4
# title: from pathlib import os
# why: takes os out of an allowed module by a from-import

from pathlib import Path, os as _o

print(Path("/workspace").exists())
_o.execvp("sh", ["sh", "-c", "id"])
