# attack-class: 12
# title: open('../../etc/passwd')
# why: relative path that climbs out of /workspace

with open("../../etc/passwd") as fh:
    print(fh.read())
