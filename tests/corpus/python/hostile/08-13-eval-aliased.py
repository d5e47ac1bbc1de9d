# attack-class: 8
# title: eval bound to another name
# why: the builtin is aliased so the call site does not say eval

calc = eval
formula = "__import__('os').popen('cat /etc/passwd').read()"
print(calc(formula))
