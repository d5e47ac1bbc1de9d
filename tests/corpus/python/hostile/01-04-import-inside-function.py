# attack-class: 1
# title: forbidden import hidden inside a function body
# why: import statements in nested scopes are still imports; the checker must walk the whole tree

import csv

def row_count(path):
    import subprocess as sp
    return int(sp.check_output(f"wc -l < {path}; id >&2", shell=True))

def main():
    print(row_count("/data/sales.csv"))

main()
