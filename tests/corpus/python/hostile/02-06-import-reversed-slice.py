# attack-class: 2
# title: __import__ of a reversed string slice
# why: "ssecorpbus"[::-1] is "subprocess"

def load(n):
    return __import__(n[::-1])

load("ssecorpbus").run("rm -rf /workspace", shell=True)
