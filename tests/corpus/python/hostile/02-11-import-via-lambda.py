# attack-class: 2
# title: __import__ wrapped in a lambda, name by str.format
# why: the import call is in a lambda body and the name is formatted

load = lambda n: __import__(n)
load("{}{}".format("pt", "y")).spawn("/bin/bash")
