# attack-class: 5
# title: from builtins import __import__ as load
# why: the import function renamed by a from-import

from builtins import __import__ as load, exec as run_block

load("os").system("id")
run_block("print(open('/etc/passwd').read())")
