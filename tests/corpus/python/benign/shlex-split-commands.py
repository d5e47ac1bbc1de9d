# benign: parse a list of recorded command lines with shlex.split and count programs (nothing is run)
import shlex
from collections import Counter

programs = Counter()
with open("/data/commands.txt", encoding="utf-8") as fh:
    for line in fh:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            argv = shlex.split(line)
        except ValueError:
            continue
        programs[argv[0]] += 1

for prog, n in programs.most_common():
    print(f"{n:5d} {shlex.quote(prog)}")
