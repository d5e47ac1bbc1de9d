# attack-class: 3
# title: importlib.machinery.SourceFileLoader on a workspace file
# why: loads and runs code from a file the script itself dropped

import importlib.machinery

open("/workspace/helper.py", "w").write("__import__('os').system('id')\n")
importlib.machinery.SourceFileLoader("helper", "/workspace/helper.py").load_module()
